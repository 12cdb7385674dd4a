import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ARBITER } from '../../support/arbiter-cli.js';

const run = (...args: string[]) => spawnSync(process.execPath, [ARBITER, 'scan', 'triangular', ...args], { encoding: 'utf8' });
const TICKERS = 'data/tickers/binance_24hr_2020-10-09T0205Z.json';
const MARKETS = 'data/markets/binance_exchangeInfo_2020-10-09T0204Z.json';

test('CLI on the real snapshot: counts, and every listed cycle is net-profitable with its size and executability', () => {
  const r = run('--tickers', TICKERS, '--markets', MARKETS, '--fee', '0', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  assert.equal(out.markets, 815);
  assert.equal(out.triangles, 1139);
  assert.ok(out.opportunities.length > 0);
  for (const o of out.opportunities) {
    assert.equal(o.path.length, 4);
    assert.ok(o.netPct > 0 && typeof o.grossPct === 'number' && o.maxSize > 0);
    assert.equal(typeof o.executable, 'boolean');
  }
  const withFee = JSON.parse(run('--tickers', TICKERS, '--markets', MARKETS, '--fee', '0.001', '--json').stdout.trim().split('\n').at(-1)!);
  assert.equal(withFee.opportunities.length, 0, 'no triangle survives 0.1% x 3 on this snapshot');
});

test('CLI bad input exits 2 and names the file and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tri-'));
  const file = join(dir, 'tickers.json');
  writeFileSync(file, JSON.stringify([{ symbol: 'ETHBTC', bidPrice: '0.03', bidQty: '1', askPrice: 'abc', askQty: '1' }]));
  const r = run('--tickers', file, '--fee', '0.001', '--json');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /tickers\.json/);
  assert.match(r.stderr, /ticker at index 0 \(ETHBTC\): askPrice: expected a non-negative number/);
  assert.equal(run('--tickers', TICKERS, '--fee', 'x').status, 2);
  const missing = run('--tickers', join(dir, 'nope.json'), '--fee', '0.001');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nope\.json/);
});

test('CLI --longer adds cycles of any length from the negative-cycle search; a bad value exits 2', () => {
  const r = run('--tickers', TICKERS, '--markets', MARKETS, '--fee', '0', '--longer', '5', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  assert.ok(out.longerCycles.length > 0);
  for (const c of out.longerCycles) assert.ok(c.netPct > 0 && c.path.length <= 6 && c.path[0] === c.path.at(-1));
  const bad = run('--tickers', TICKERS, '--fee', '0', '--longer', '2');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--longer/);
});
