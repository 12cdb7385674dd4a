import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CandleSeries } from '../../../actors/market-data/candles/load-candles.js';
import { alignedReturns } from '../../../actors/quantum/portfolio/aligned-returns.js';
import { InputError } from '../../../actors/runtime/errors.js';

const M = 60_000;
const series = (file: string, closes: [number, number][], timeframeMs = M): CandleSeries => ({
  file,
  symbol: file.replace('.json', ''),
  format: 'array',
  timeframeMs,
  candles: closes.map(([k, close]) => ({ ts: k * timeframeMs, open: close, high: close, low: close, close, volume: 1 })),
  gaps: [],
});

// A has bars 0..5; B lacks bar 3. Shared: 0, 1, 2, 4, 5 → returns at bars 1, 2 and 5; 2 → 4 spans a gap and is skipped.
const a = series('A.json', [[0, 100], [1, 110], [2, 99], [3, 50], [4, 99], [5, 108.9]]);
const b = series('B.json', [[0, 10], [1, 10], [2, 20], [4, 20], [5, 10]]);

test('alignedReturns: log returns on the shared bars, one bar apart; dropped bars and skipped gaps counted', () => {
  const r = alignedReturns([a, b]);
  assert.deepEqual(r.names, ['A', 'B']);
  assert.equal(r.shared, 5);
  assert.deepEqual(r.dropped, [1, 0]);
  assert.equal(r.gapsSkipped, 1);
  assert.deepEqual(r.ts, [1 * M, 2 * M, 5 * M]);
  assert.deepEqual(r.returns, [
    [Math.log(110 / 100), Math.log(10 / 10)],
    [Math.log(99 / 110), Math.log(20 / 10)],
    [Math.log(108.9 / 99), Math.log(10 / 20)],
  ]);
});

test('alignedReturns: different bar lengths name the file', () => {
  const c = series('C-5m.json', [[0, 1], [1, 2], [2, 3]], 5 * M);
  assert.throws(() => alignedReturns([a, c]), (e: unknown) => e instanceof InputError && e.message.startsWith('C-5m.json: bars 5m apart, A.json has 1m'));
});

test('alignedReturns: files that do not overlap name the file', () => {
  const late = series('LATE.json', [[100, 1], [101, 2], [102, 3]]);
  assert.throws(() => alignedReturns([a, b, late]), (e: unknown) => e instanceof InputError && e.message.startsWith('LATE.json: shares 0 bar(s) with A.json and the 1 file(s) after it'));
});
