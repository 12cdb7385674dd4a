import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { ConfigError } from '../../config/errors.js';

/** A temp dir holding the given files, removed after the test file. */
export function tempDirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs `fn`, expects a ConfigError, returns its issue lines. */
export function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  throw new Error('expected a ConfigError, got none');
}
