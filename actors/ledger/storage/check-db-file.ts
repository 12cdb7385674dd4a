import { accessSync, closeSync, constants, openSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { InputError } from '../../runtime/errors.js';

/** Every SQLite 3 database file starts with these 16 bytes. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

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

function startsLikeSqlite(file: string): boolean {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses, before SQLite opens anything, a journal path that cannot be one: a missing or unwritable
 * directory, a directory, or an existing file that is not a SQLite database (left untouched). An empty
 * file is a new database to SQLite and passes. The issue names the path and what is wrong with it.
 */
export function checkDbFile(file: string): void {
  if (file === ':memory:' || file === '') return;
  const dir = dirname(resolve(file));
  const dirStat = statOf(dir);
  const fail: (what: string) => never = (what) => {
    throw new InputError(`journal ${file}: ${what}`);
  };
  if (!dirStat) fail(`directory ${dir} does not exist`);
  if (!dirStat.isDirectory()) fail(`${dir} is not a directory`);
  const stat = statOf(file);
  if (stat?.isDirectory()) fail('is a directory, not a SQLite file');
  if (stat && !stat.isFile()) fail('is not a regular file');
  if (stat && stat.size > 0) {
    let sqlite = false;
    try {
      sqlite = startsLikeSqlite(file);
    } catch (error) {
      fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (!sqlite) fail('is not a SQLite database (it does not start with the SQLite header); it was left untouched');
  }
  if (stat && !writable(file)) fail('is not writable');
  // WAL mode keeps <file>-wal and <file>-shm beside the journal: the directory must take new files.
  if (!writable(dir)) fail(`directory ${dir} is not writable (the journal needs ${basename(file)}-wal and ${basename(file)}-shm beside it)`);
}
