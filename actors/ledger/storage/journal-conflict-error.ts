import { ArbiterError } from '../../runtime/errors.js';

/** The journal already holds this id with other content: a bug upstream (ids reused), never overwritten. */
export class JournalConflictError extends ArbiterError {
  constructor(shortMessage: string, metaMessages: string[] = []) {
    super(shortMessage, { metaMessages, retryable: false });
  }
}
