import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Trade } from '../../../actors/market-data/trades/trade.js';
import { InputError } from '../../../actors/runtime/errors.js';
import { normalCdf } from '../../../actors/patterns/microstructure/normal-cdf.js';
import { bulkClassify, timeBars } from '../../../actors/patterns/microstructure/bulk-volume.js';
import { fillVolumeBuckets } from '../../../actors/patterns/microstructure/volume-buckets.js';
import { vpin, vpinSeries } from '../../../actors/patterns/microstructure/vpin.js';

const close = (actual: number | null | undefined, expected: number, tol = 1e-9) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= tol, `${actual} ≠ ${expected}`);

test('normal CDF against tabulated values', () => {
  close(normalCdf(0), 0.5, 1e-7);
  close(normalCdf(1), 0.8413447461, 1e-7);
  close(normalCdf(-1.96), 0.0249978952, 1e-7);
  close(normalCdf(3), 0.998650102, 1e-7);
  close(normalCdf(-8), 0, 1e-7);
});

const trade = (ts: number, price: number, qty: number): Trade => ({ ts, price, qty, takerSide: 'buy' });

test('time bars and bulk classification', () => {
  // 1 s bars: [0,1000) volume 3, close 101 (from the first price 100: +1); [1000,2000) volume 1, 101 → 100.5: −0.5;
  // no trades in [2000,3000); [3000,4000) volume 3, 100.5 → 102: +1.5.
  const bars = timeBars([trade(0, 100, 1), trade(500, 101, 2), trade(1200, 100.5, 1), trade(3100, 102, 3)], 1000);
  assert.deepEqual(bars, [
    { start: 0, volume: 3, priceChange: 1 },
    { start: 1000, volume: 1, priceChange: -0.5 },
    { start: 3000, volume: 3, priceChange: 1.5 },
  ]);
  // ΔP mean 2/3, squared deviations 1/9 + 49/36 + 25/36 = 13/6, sample σ = √(13/12) ≈ 1.040833.
  // z = 0.960769, −0.480384, 1.441153 → Φ ≈ 0.83166, 0.31547, 0.92523 (interpolated from a printed normal table).
  const c = bulkClassify(bars);
  close(c[0]!.buy, 3 * 0.83166, 3e-4);
  close(c[1]!.buy, 1 * 0.31547, 1e-4);
  close(c[2]!.buy, 3 * 0.92523, 3e-4);
  assert.deepEqual(c.map((u) => u.volume), [3, 1, 3]);
  // No price variation: half and half.
  assert.deepEqual(bulkClassify([{ start: 0, volume: 4, priceChange: 0 }, { start: 1, volume: 2, priceChange: 0 }]), [
    { volume: 4, buy: 2 },
    { volume: 2, buy: 1 },
  ]);
  assert.throws(() => timeBars([], 0), InputError);
});

test('volume buckets: a unit split across two buckets keeps its buy share in both', () => {
  // Buckets of 5. Unit 1 (3, all buy) fills 3; unit 2 (4, buy 1 → share 0.25) gives 2 (0.5 buy, 1.5 sell) to bucket 1
  // and 2 (0.5 buy, 1.5 sell) to bucket 2; unit 3 (5, no buy) gives 3 sells to bucket 2 and leaves 2 in a partial one.
  const buckets = fillVolumeBuckets([{ volume: 3, buy: 3 }, { volume: 4, buy: 1 }, { volume: 5, buy: 0 }], 5);
  assert.deepEqual(buckets, [
    { buy: 3.5, sell: 1.5 },
    { buy: 0.5, sell: 4.5 },
  ]);
  // VPIN over 2 buckets: (|3.5 − 1.5| + |0.5 − 4.5|) / 10 = 0.6; over the last 1: 4/5; a window of 3 is not there yet.
  close(vpin(buckets, 2), 0.6);
  close(vpin(buckets, 1), 0.8);
  assert.equal(vpin(buckets, 3), null);
  assert.deepEqual(vpinSeries(buckets, 1), [0.4, 0.8]);
  assert.throws(() => vpin(buckets, 0), InputError);
});

test('volume buckets: exact fills, one unit spanning several buckets, rounding at the edge', () => {
  // Exactly one bucket's volume: one bucket, nothing carried.
  assert.deepEqual(fillVolumeBuckets([{ volume: 5, buy: 5 }], 5), [{ buy: 5, sell: 0 }]);
  // 12 units at buy share 0.5 in buckets of 5: two full buckets of 2.5/2.5, 2 left over unreported.
  assert.deepEqual(fillVolumeBuckets([{ volume: 12, buy: 6 }], 5), [
    { buy: 2.5, sell: 2.5 },
    { buy: 2.5, sell: 2.5 },
  ]);
  // 0.1 + 0.1 + 0.1 is not 0.3 in floating point: still exactly one bucket, and no spurious second one.
  const tenths = fillVolumeBuckets([{ volume: 0.1, buy: 0.1 }, { volume: 0.1, buy: 0 }, { volume: 0.1, buy: 0.1 }], 0.3);
  assert.equal(tenths.length, 1);
  close(tenths[0]!.buy, 0.2, 1e-12);
  close(tenths[0]!.sell, 0.1, 1e-12);
  assert.throws(() => fillVolumeBuckets([], 0), InputError);
});
