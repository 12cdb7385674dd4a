import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../actors/ledger/storage/store.js';
import { ARBITER } from '../../support/arbiter-cli.js';

function run(args: string[], options: SpawnOptions = {}): Promise<{ status: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ARBITER, 'run', '--duration', '1', ...args], options);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    child.once('exit', (status) => resolve({ status, stderr, stdout }));
  });
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function assertRefused(res: { status: number | null; stderr: string }, path: string, what: RegExp): void {
  assert.equal(res.status, 2, res.stderr);
  assert.ok(res.stderr.includes(path), `names ${path}: ${res.stderr}`);
  assert.match(res.stderr, what);
  assert.doesNotMatch(res.stderr, /^\s+at /m, 'no stack trace');
  assert.equal(res.stderr.trim().split('\n').length, 1, `one line: ${res.stderr}`);
}

test('run --db that cannot be a journal: exit 2 naming the path and what is wrong, the file untouched', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-db-'));
  const random = join(dir, 'random.db');
  writeFileSync(random, randomBytes(4096));
  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'these are my trading notes, not a database\n');
  const aDirectory = join(dir, 'a-directory');
  mkdirSync(aDirectory);
  const missing = join(dir, 'no-such-dir', 'arbiter.db');
  const before = { random: digest(random), text: digest(text) };

  const [r1, r2, r3, r4] = await Promise.all([run(['--db', random]), run(['--db', text]), run(['--db', aDirectory]), run(['--db', missing])]);
  assertRefused(r1, random, /is not a SQLite database .*left untouched/);
  assertRefused(r2, text, /is not a SQLite database .*left untouched/);
  assertRefused(r3, aDirectory, /is a directory, not a file/);
  assertRefused(r4, missing, new RegExp(`directory ${join(dir, 'no-such-dir')} does not exist`));
  assert.deepEqual({ random: digest(random), text: digest(text) }, before, 'the files are unchanged');
  assert.deepEqual(readdirSync(dir).sort(), ['a-directory', 'notes.txt', 'random.db'], 'no -wal, -shm or new file was left behind');
  assert.deepEqual(readdirSync(aDirectory), []);
});

/**
 * How to make `dir` read-only for the CLI. A mode of 0555 means nothing to root, so as root the
 * directory is made immutable (chattr +i, which binds root too), else the CLI runs as `nobody`; where
 * neither is possible here, the test says so and skips.
 */
function readOnly(dir: string): { identity: SpawnOptions; undo: () => void } | string {
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    return { identity: {}, undo: () => chmodSync(dir, 0o755) };
  }
  if (spawnSync('chattr', ['+i', dir]).status === 0) return { identity: {}, undo: () => void spawnSync('chattr', ['-i', dir]) };
  const identity: SpawnOptions = { uid: 65534, gid: 65534, env: { ...process.env, HOME: tmpdir() } };
  if (spawnSync(process.execPath, ['-e', `require('fs').accessSync('${ARBITER}')`], identity).status === 0) return { identity, undo: () => {} };
  return 'as root, neither chattr +i nor running as nobody (who cannot read this checkout) is possible here';
}

test('run --db in a read-only directory (new file, and an existing journal): exit 2 naming the directory', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-ro-'));
  chmodSync(dir, 0o755);
  const journal = join(dir, 'existing.db');
  openStore(journal).close();
  const before = digest(journal);
  chmodSync(journal, 0o644);
  const ro = readOnly(dir);
  if (typeof ro === 'string') {
    t.skip(ro);
    return;
  }
  try {
    const fresh = join(dir, 'fresh.db');
    const [r1, r2] = await Promise.all([run(['--db', fresh], ro.identity), run(['--db', journal], ro.identity)]);
    assertRefused(r1, fresh, new RegExp(`directory ${dir} is not writable`));
    assertRefused(r2, journal, /is not writable/);
    assert.equal(existsSync(fresh), false);
    assert.equal(digest(journal), before, 'the journal is unchanged');
  } finally {
    ro.undo();
  }
});
