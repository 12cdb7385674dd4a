import { InvalidArgumentError } from 'commander';

/** A commander parser for `flag`: a positive number (an integer with `integer`), else a usage error naming the flag (exit 2). */
export function positiveOption(flag: string, integer = false): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new InvalidArgumentError(`${flag} must be a positive ${integer ? 'integer' : 'number'}, got "${value}"`);
    return n;
  };
}
