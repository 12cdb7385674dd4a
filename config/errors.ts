import { InputError } from '../actors/runtime/errors.js';

/** A bad configuration: `issues` holds one `path.to.field: message` line per problem, all of them at once. */
export class ConfigError extends InputError {
  constructor(source: string, issues: string[]) {
    super(`invalid config (${source}): ${issues.length} issue${issues.length === 1 ? '' : 's'}`, issues);
  }
}
