import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../../runtime/errors.js';
import { unwritablePath } from '../../runtime/unwritable-path.js';

/** Every SQLite 3 database file starts with these 16 bytes. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

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
 * directory (WAL keeps <file>-wal and <file>-shm beside it), a directory, or an existing file that is not
 * a SQLite database (left untouched). An empty file is a new database to SQLite and passes.
 */
export function checkDbFile(file: string): void {
  if (file === ':memory:' || file === '') return;
  const fail = (what: string): never => {
    throw new InputError(`journal ${file}: ${what}`);
  };
  const problem = unwritablePath(file, { createsBeside: true });
  const existing = existsSync(file) && statSync(file);
  if (existing && existing.isFile() && existing.size > 0) {
    let sqlite = false;
    try {
      sqlite = startsLikeSqlite(file);
    } catch (error) {
      fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (!sqlite) fail('is not a SQLite database (it does not start with the SQLite header); it was left untouched');
  }
  if (problem?.startsWith('directory') && problem.endsWith('not writable')) fail(`${problem} (the journal needs ${basename(file)}-wal and ${basename(file)}-shm beside it)`);
  if (problem) fail(problem);
}
