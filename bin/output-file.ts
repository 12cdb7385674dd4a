import { InputError } from '../actors/runtime/errors.js';
import { unwritablePath } from '../actors/runtime/unwritable-path.js';

/** Refuses, before any work is done, an output path that cannot be written (missing or read-only directory, a directory, a read-only file). */
export function checkOutputFile(file: string, flag: string): void {
  const problem = unwritablePath(file);
  if (problem) throw new InputError(`${flag} ${file}: ${problem}`);
}
