import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFeatureInputs } from '../../actors/features/inputs/load-feature-inputs.js';
import { summarizeMicrostructure } from '../../actors/patterns/microstructure-summary.js';

const { books, trades } = await loadFeatureInputs({
  books: 'data/books/binance_usdm_btcusdt_depth_2024-08-08T2354Z_6min.txt.gz',
  trades: 'data/futures/binance_usdm_btcusdt_trades_2024-08-08T2354Z_6min.csv',
});

test('only the parts whose data is given are present', () => {
  assert.deepEqual(summarizeMicrostructure({}), {});
  assert.deepEqual(Object.keys(summarizeMicrostructure({ trades })).sort(), ['tradeSignAutocorrelation', 'vpin']);
  assert.deepEqual(Object.keys(summarizeMicrostructure({ books })).sort(), ['depthImbalance', 'ofi', 'spread']);
});

test("with books and trades: Kyle's lambda as measured in docs/patterns.md, VPIN in [0, 1], persistent trade signs", () => {
  const m = summarizeMicrostructure({ books, trades });
  // docs/patterns.md: λ ≈ 0.27 USDT per BTC (t ≈ 6, R² ≈ 0.36, n = 68) on 5 s intervals.
  assert.ok(m.kyleLambda && Math.abs(m.kyleLambda.slope - 0.27) < 0.01 && m.kyleLambda.n === 68, JSON.stringify(m.kyleLambda));
  assert.ok(m.vpin && m.vpin.min >= 0 && m.vpin.max <= 1 && m.vpin.min <= m.vpin.last && m.vpin.last <= m.vpin.max);
  assert.ok(m.vpin.buckets === 49 || m.vpin.buckets === 50);
  assert.equal(m.tradeSignAutocorrelation?.length, 5);
  assert.ok(m.spread && m.spread.min > 0 && m.spread.mean >= m.spread.min && m.spread.mean <= m.spread.max);
  assert.ok(m.depthImbalance && m.depthImbalance.min >= -1 && m.depthImbalance.max <= 1);
  assert.ok(m.ofi && m.ofi.intervals > 60);
});
