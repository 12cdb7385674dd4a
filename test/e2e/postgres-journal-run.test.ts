import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARBITER } from '../support/arbiter-cli.js';
import { dropSchema, POSTGRES_URL } from '../support/journal-backends.js';
import { openJournal } from '../../actors/ledger/storage/open-journal.js';

test('arbiter run with storage.driver: postgres journals the session in its schema, and reports from there', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-pg-run-'));
  const schema = `test_run_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropSchema(schema);
  });
  const config = join(dir, 'arbiter.yaml');
  writeFileSync(config, ['storage:', '  driver: postgres', '  postgres:', `    url: ${POSTGRES_URL}`, `    schema: ${schema}`, ''].join('\n'));
  const report = join(dir, 'report.html');
  const res = spawnSync(process.execPath, [ARBITER, 'run', '--config', config, '--duration', '1.5', '--json', '--report', report], { encoding: 'utf8' });
  assert.equal(res.status, 0, res.stderr);
  const summary = JSON.parse(res.stdout.trim().split('\n').at(-1)!) as { db: string; orders: number; session: string };
  assert.equal(summary.db, `${POSTGRES_URL} schema ${schema}`);
  assert.ok(summary.orders > 0, 'the session traded');
  assert.match(readFileSync(report, 'utf8'), /<html/i);

  const store = openJournal({ driver: 'postgres', postgres: { url: POSTGRES_URL, schema } });
  try {
    assert.equal(store.orders.orderCount(), summary.orders, 'every order of the summary is in the schema');
    assert.ok(store.equity.ofSession(summary.session).length > 0, 'equity samples under the session');
  } finally {
    store.close();
  }
});

test('arbiter run with no PostgreSQL server at storage.postgres.url exits 2 naming it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-pg-run-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const config = join(dir, 'arbiter.yaml');
  writeFileSync(config, ['storage:', '  driver: postgres', '  postgres:', '    url: postgres://postgres@127.0.0.1:1/test', ''].join('\n'));
  const res = spawnSync(process.execPath, [ARBITER, 'run', '--config', config, '--duration', '1'], { encoding: 'utf8' });
  assert.equal(res.status, 2, res.stderr);
  assert.match(res.stderr, /^arbiter run: storage\.postgres\.url postgres:\/\/postgres@127\.0\.0\.1:1\/test: no PostgreSQL server answers there/m);
  assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace');
});
