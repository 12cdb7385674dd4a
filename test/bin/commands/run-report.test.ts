import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnArbiter } from '../../support/arbiter-cli.js';

const run = (args: string[]) => spawnArbiter(['run', ...args]);

function assertOneLineRefusal(res: { status: number | null; stderr: string }, what: RegExp): void {
  assert.equal(res.status, 2, res.stderr);
  assert.match(res.stderr, what);
  assert.doesNotMatch(res.stderr, /^\s+at /m, 'no stack trace');
  assert.equal(res.stderr.trim().split('\n').length, 1, `one line: ${res.stderr}`);
}

test('run --report is refused with --live, and for a path that cannot be written, before any session starts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-report-cli-'));
  const missing = join(dir, 'no-such-dir', 'r.html');
  const [live, unwritable] = await Promise.all([
    run(['--live', '--report', join(dir, 'r.html'), '--db', join(dir, 'live.db'), '--duration', '1']),
    run(['--report', missing, '--db', join(dir, 'paper.db'), '--duration', '1']),
  ]);
  assertOneLineRefusal(live, /^arbiter run: --report is for paper sessions/);
  assertOneLineRefusal(unwritable, new RegExp(`--report ${missing}: directory ${join(dir, 'no-such-dir')} does not exist`));
  assert.deepEqual(readdirSync(dir), [], 'no journal was opened, no report written');
});

test('run --report writes the session report after a short paper session', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-report-cli-'));
  const config = join(dir, 'arbiter.yaml');
  // quantum-portfolio on a short window, so it rebalances within the first second whatever the machine's load
  writeFileSync(config, 'paper:\n  strategies: [market-making, triangular, cross-exchange, quantum-portfolio]\nallocator:\n  sampleEveryMs: 200\nstrategies:\n  quantumPortfolio:\n    windowBars: 30\n    rebalanceBars: 60\n');
  const report = join(dir, 'session.html');
  const res = await run(['--config', config, '--db', join(dir, 'j.db'), '--duration', '3', '--json', '--report', report]);
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stderr, new RegExp(`report written to ${report}`));
  const summary = JSON.parse(res.stdout.trim().split('\n').at(-1)!) as { session: string; strategies: { quantum_trading: { choices?: { rebalances: unknown[] } } } };
  assert.ok(existsSync(report));
  const html = readFileSync(report, 'utf8');
  assert.match(html, new RegExp(`<h1>Paper session ${summary.session}: measured in simulation; not a forecast</h1>`));
  for (const family of ['market_making', 'arbitrage', 'flash_loans', 'ai_trading', 'quantum_trading']) assert.ok(html.includes(`<td>${family}</td>`), family);
  const data = JSON.parse(/<script id="session-data" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!) as { equity: { x: number[]; series: { label: string }[] } };
  assert.deepEqual(data.equity.series.map((s) => s.label).sort(), ['arbitrage', 'market_making']);
  assert.ok(data.equity.x.length >= 5, `equity samples every 200 ms over 3 s: ${data.equity.x.length}`);
  const rebalances = summary.strategies.quantum_trading.choices?.rebalances.length ?? 0;
  assert.ok(rebalances >= 1, 'the universe family rebalanced within 3 s (500 steps a second, the first after 31)');
  const rows = /<table id="choices-table-0">.*?<tbody>(.*?)<\/tbody>/s.exec(html)![1]!.trim().split('\n');
  assert.equal(rows.length, rebalances, 'one row per rebalance');
  assert.match(html, /QAOA here is a classical state-vector simulation of a quantum algorithm/);
});
