import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** A path for a fresh SQLite file in a temp dir removed after the test file. */
export function tempDbFile(name = 'arbiter.db'): string {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-db-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, name);
}
