import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../actors/runtime/errors.js';

/**
 * Refuses, before any work is done, an output path that cannot be written:
 * its directory is missing, not a directory or not writable, or the path itself is a directory or a read-only file.
 */
export function checkOutputFile(file: string, flag: string): void {
  const at = `${flag} ${file}`;
  const target = statOf(file);
  if (target?.isDirectory()) throw new InputError(`${at}: is a directory; give a file name inside it`);
  const dir = dirname(resolve(file));
  const parent = statOf(dir);
  if (!parent) throw new InputError(`${at}: directory ${dir} does not exist`);
  if (!parent.isDirectory()) throw new InputError(`${at}: ${dir} is not a directory`);
  if (!writable(target ? file : dir)) throw new InputError(target ? `${at}: file is not writable` : `${at}: directory ${dir} is not writable`);
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
