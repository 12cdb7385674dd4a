/** One error base class (after viem's BaseError): a short message, a cause, details for humans, and whether retrying can help. */
export class ArbiterError extends Error {
  readonly shortMessage: string;
  readonly metaMessages: string[];
  readonly retryable: boolean;

  constructor(shortMessage: string, opts: { cause?: unknown; metaMessages?: string[]; retryable?: boolean } = {}) {
    const meta = opts.metaMessages ?? [];
    super([shortMessage, ...meta].join('\n'), { cause: opts.cause });
    this.name = new.target.name;
    this.shortMessage = shortMessage;
    this.metaMessages = meta;
    this.retryable = opts.retryable ?? false;
  }
}

/** The venue did not answer or answered 5xx: a create's outcome is UNKNOWN and must be resolved by id. */
export class VenueUnavailableError extends ArbiterError {
  constructor(shortMessage: string, opts: { cause?: unknown; metaMessages?: string[] } = {}) {
    super(shortMessage, { ...opts, retryable: true });
  }
}

export class RateLimitedError extends ArbiterError {
  constructor(shortMessage: string, readonly retryAfterMs: number, opts: { cause?: unknown } = {}) {
    super(shortMessage, { ...opts, retryable: true });
  }
}

/** The venue refused the order (bad params, funds, market closed). Retrying the same request will not help. */
export class OrderRejectedError extends ArbiterError {
  constructor(shortMessage: string, opts: { cause?: unknown; metaMessages?: string[] } = {}) {
    super(shortMessage, { ...opts, retryable: false });
  }
}

/** Bad configuration, data or arguments. `issues` names every bad field. */
export class InputError extends ArbiterError {
  constructor(shortMessage: string, readonly issues: string[] = []) {
    super(shortMessage, { metaMessages: issues, retryable: false });
  }
}
