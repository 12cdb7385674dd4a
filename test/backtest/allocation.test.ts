import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStrategies, readAllocationFile, resolveWeights } from '../../actors/backtest/plan.js';
import { runBacktest } from '../../actors/backtest/run-backtest.js';
import { fillModel } from '../../actors/venues/replay/fill-model.js';
import { InputError } from '../../actors/runtime/errors.js';
import { load, run } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'arbiter-alloc-'));

test('capital split by weight; per-strategy results equal their standalone runs; combined equity is the sum', async () => {
  const file = join(dir, 'alloc.yaml');
  writeFileSync(file, [
    'capital: 10',
    'strategies:',
    '  - { name: ada, strategy: sma-cross, data: data/candles/ADA_BTC-5m.json, weight: 0.6, params: { fast: 10, slow: 30 } }',
    '  - { name: eth, strategy: sma-cross, data: data/candles/ETH_BTC-5m.json, params: { fast: 12, slow: 26 } }',
  ].join('\n'));
  const alloc = readAllocationFile(file);
  const instances = resolveWeights(alloc);
  assert.deepEqual(instances.map((i) => i.weight), [0.6, 0.4]);
  const { strategies } = buildStrategies(instances, alloc.capital, 'replay', 0.001);
  const r = await runBacktest({ strategies, model: fillModel('optimistic', 0.001), venueId: 'replay', host: 'trading' });
  assert.deepEqual(r.strategies.map((s) => s.capital), [6, 4]);
  assert.equal(r.combined.capital, 10);
  for (let k = 0; k < r.timestamps.length; k += 97) assert.ok(Math.abs(r.combined.equity[k]! - (r.strategies[0]!.equity[k]! + r.strategies[1]!.equity[k]!)) < 1e-12);

  const alone = await run(load('ADA_BTC-5m'), { capital: 6 });
  assert.equal(JSON.stringify(r.strategies[0]!.trades.map(({ strategy: _s, ...t }) => t)), JSON.stringify(alone.trades.map(({ strategy: _s, ...t }) => t)));
  assert.ok(r.strategies[1]!.trades.length > 0);
  // the union timeline covers ADA's gaps with ETH's bars, so the combined series has more steps than ADA alone
  assert.ok(r.timestamps.length > load('ADA_BTC-5m').candles.length);
});

test('weights from the spec allocation defaults by family; bad files name the field', () => {
  const w = resolveWeights({ capital: 1, venue: 'replay', strategies: [
    { name: 'mm', strategy: 'sma-cross', data: 'x', family: 'market_making', params: {} },
    { name: 'rest', strategy: 'sma-cross', data: 'y', params: {} },
  ] });
  assert.deepEqual(w.map((i) => i.weight), [0.2, 0.8]);
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'capital: -1\nstrategies: []\n');
  assert.throws(() => readAllocationFile(bad), (e: unknown) => e instanceof InputError && e.issues.some((i) => i.includes('capital')) && e.issues.some((i) => i.includes('strategies')));
  assert.throws(() => resolveWeights({ capital: 1, venue: 'r', strategies: [{ name: 'a', strategy: 's', data: 'x', weight: 0.7, params: {} }, { name: 'b', strategy: 's', data: 'y', weight: 0.7, params: {} }] }), /sum to 1.4/);
});
