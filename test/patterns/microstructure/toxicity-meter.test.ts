import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BarVpin } from '../../../actors/patterns/microstructure/bar-vpin.js';
import { TOXICITY_MIN_HISTORY, ToxicityMeter } from '../../../actors/patterns/microstructure/toxicity-meter.js';

const bar = (i: number) => {
  const close = 100 + 3 * Math.sin(i * 1.7) + (i % 7);
  return { ts: i * 60_000, open: close, high: close, low: close, close, volume: 1 + (i % 3) };
};

test('a reading only when a bucket fills, its VPIN as BarVpin gives it, a percentile once 50 earlier VPINs are known', () => {
  const opts = { sigmaBars: 2, bucketsPerDay: 1440, window: 2 };
  const meter = new ToxicityMeter(opts);
  const vpin = new BarVpin(opts);
  const readings: { vpin: number; percentile: number | null }[] = [];
  const filled: number[] = [];
  for (let i = 0; i < 200; i++) {
    const before = vpin.buckets;
    const v = vpin.push(bar(i));
    const r = meter.push(bar(i));
    // Unequal volumes: some bars fill no bucket, and then there is no reading.
    assert.equal(r === null, v === null || vpin.buckets === before, `bar ${i}`);
    if (r) {
      assert.equal(r.vpin, v);
      readings.push(r);
      filled.push(v!);
    }
  }
  assert.ok(readings.length > TOXICITY_MIN_HISTORY + 5, `${readings.length} readings`);
  readings.forEach((r, k) => {
    if (k < TOXICITY_MIN_HISTORY) return assert.equal(r.percentile, null, `reading ${k}`);
    const earlier = filled.slice(Math.max(0, k - 2_000), k);
    assert.equal(r.percentile, earlier.filter((x) => x <= r.vpin).length / earlier.length, `reading ${k}`);
  });
});
