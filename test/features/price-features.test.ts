import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_RETURN } from '../../actors/features/log-return.js';
import { realizedVolatility } from '../../actors/features/realized-volatility.js';
import type { FeatureDefinition } from '../../actors/features/feature.js';

const closes = [100, 110, 99, 99, 108.9];

function run(feature: FeatureDefinition): (number | null)[] {
  const step = feature.start();
  return closes.map((close, i) => step({ candle: { ts: i * 60_000, open: close, high: close, low: close, close, volume: 1 }, closeTs: (i + 1) * 60_000, news: [] }));
}

const near = (actual: number | null | undefined, expected: number) => assert.ok(actual != null && Math.abs(actual - expected) < 1e-12, `${actual} ≈ ${expected}`);

test('log return: ln(close_t / close_t-1), none on the first bar', () => {
  const values = run(LOG_RETURN);
  assert.equal(values[0], null);
  near(values[1], Math.log(1.1));
  near(values[2], Math.log(0.9));
  assert.equal(values[3], 0);
  near(values[4], Math.log(1.1));
});

test('realized volatility over 3 bars: sqrt of the summed squared log returns of the last 3', () => {
  const values = run(realizedVolatility(3));
  assert.deepEqual(values.slice(0, 3), [null, null, null]);
  const a = Math.log(1.1);
  const b = Math.log(0.9);
  near(values[3], Math.sqrt(a * a + b * b + 0));
  near(values[4], Math.sqrt(b * b + 0 + a * a));
});
