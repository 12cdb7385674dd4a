import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BarVpin } from '../../../actors/patterns/microstructure/bar-vpin.js';
import { normalCdf } from '../../../actors/patterns/microstructure/normal-cdf.js';
import { InputError } from '../../../actors/runtime/errors.js';

const bar = (i: number, close: number, volume: number) => ({ ts: i * 60_000, open: close, high: close, low: close, close, volume });

test('VPIN from bars: a worked example with σ over 2 changes, one-minute bars in 1,440 buckets a day (one bar each), a window of 2', () => {
  const v = new BarVpin({ sigmaBars: 2, bucketsPerDay: 1440, window: 2 });
  const closes = [100, 101, 100, 102];
  const out = closes.map((c, i) => v.push(bar(i, c, 10)));
  // Bar 2: changes +1, −1 → σ = √2; buy = 10 Φ(−1/√2) = 2.3975, sell 7.6025: bucket 1, |imbalance| 5.205.
  // Bar 3: changes −1, +2 → σ = √4.5; buy = 10 Φ(2/√4.5) = 8.2710: bucket 2, |imbalance| 6.542.
  const b1 = Math.abs(2 * 10 * normalCdf(-1 / Math.SQRT2) - 10);
  const b2 = Math.abs(2 * 10 * normalCdf(2 / Math.sqrt(4.5)) - 10);
  assert.ok(Math.abs(b1 - 5.205) < 1e-3 && Math.abs(b2 - 6.542) < 1e-3);
  assert.deepEqual(out.slice(0, 3), [null, null, null]);
  assert.ok(Math.abs(out[3]! - (b1 + b2) / 20) < 1e-12, String(out[3]));
  assert.equal(v.buckets, 2);
});

test('a bar larger than a bucket fills it and starts the next at the same buy share; the window slides over whole buckets', () => {
  const v = new BarVpin({ sigmaBars: 2, bucketsPerDay: 1440, window: 2 });
  for (const [i, c] of [100, 101, 100].entries()) v.push(bar(i, c, 10));
  const b1 = Math.abs(2 * 10 * normalCdf(-1 / Math.SQRT2) - 10);
  // Bar 3 (+2, 25 units): the trailing mean volume (10, 25) sizes the next bucket at 17.5; it fills at share s, and
  // 7.5 units start a third bucket, sized 17.5 too.
  const s = normalCdf(2 / Math.sqrt(4.5));
  assert.ok(Math.abs(v.push(bar(3, 102, 25))! - (b1 + 17.5 * Math.abs(2 * s - 1)) / (10 + 17.5)) < 1e-12);
  assert.equal(v.buckets, 2);
  // Bar 4 (no change: Φ(0) = ½, 10 units) completes bucket 3: 7.5 at s and 10 at ½, |imbalance| 7.5 |2s − 1|. The
  // window is now buckets 2 and 3.
  const half = normalCdf(0);
  assert.ok(Math.abs(half - 0.5) < 1e-8);
  const b3 = Math.abs(7.5 * (2 * s - 1) + 10 * (2 * half - 1));
  assert.ok(Math.abs(v.push(bar(4, 102, 10))! - (17.5 * Math.abs(2 * s - 1) + b3) / 35) < 1e-12);
  assert.equal(v.buckets, 3);
});

test('window sizes are checked', () => {
  assert.throws(() => new BarVpin({ sigmaBars: 1 }), InputError);
  assert.throws(() => new BarVpin({ window: 0 }), InputError);
  assert.throws(() => new BarVpin({ bucketsPerDay: 1.5 }), InputError);
});
