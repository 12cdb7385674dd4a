import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

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

/**
 * What stops `file` from being written, in words that follow its name, or undefined when nothing does.
 * `createsBeside`: the writer also creates files next to it (SQLite's -wal and -shm), so the directory
 * must take new files even when `file` exists.
 */
export function unwritablePath(file: string, opts: { createsBeside?: boolean } = {}): string | undefined {
  const dir = dirname(resolve(file));
  const parent = statOf(dir);
  if (!parent) return `directory ${dir} does not exist`;
  if (!parent.isDirectory()) return `${dir} is not a directory`;
  const target = statOf(file);
  if (target?.isDirectory()) return 'is a directory, not a file';
  if (target && !target.isFile()) return 'is not a regular file';
  if (target && !writable(file)) return 'is not writable';
  if ((!target || opts.createsBeside) && !writable(dir)) return `directory ${dir} is not writable`;
  return undefined;
}
