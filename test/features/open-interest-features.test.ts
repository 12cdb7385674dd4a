import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OPEN_INTEREST_FEATURES } from '../../actors/features/open-interest-features.js';
import type { FeatureDefinition } from '../../actors/features/feature.js';
import { DAY_MS, type OpenInterestDay } from '../../actors/market-data/open-interest/open-interest-day.js';
import { Arrivals } from '../../actors/features/inputs/arrivals.js';

const HOUR = 3_600_000;
const feature = (name: string): FeatureDefinition => OPEN_INTEREST_FEATURES.find((f) => f.name === name)!;
const near = (actual: number | null | undefined, expected: number) => assert.ok(actual != null && Math.abs(actual - expected) < 1e-12, `${actual} ≈ ${expected}`);

/** Days 0..7 with values 100..800 (day k: 100(k+1)), day 8 missing, day 9 present. */
const days: OpenInterestDay[] = [...[0, 1, 2, 3, 4, 5, 6, 7].map((k) => ({ day: k * DAY_MS, usd: 100 * (k + 1) })), { day: 9 * DAY_MS, usd: 1000 }];

/** The feature at each close, fed the days ended by then as the matrix feeds them. */
function run(f: FeatureDefinition, closes: number[]): (number | null)[] {
  const step = f.start();
  const arrivals = new Arrivals(days, (d) => d.day + DAY_MS);
  return closes.map((closeTs) => step({ candle: { ts: closeTs - HOUR, open: 1, high: 1, low: 1, close: 1, volume: 1 }, closeTs, news: [], openInterest: arrivals.until(closeTs) }));
}

const D = DAY_MS;
const closes = [D, 2 * D - 1, 2 * D, 3 * D - 1, 3 * D, 7 * D - 1, 7 * D, 8 * D, 9 * D - 1, 9 * D, 10 * D];

function expectValues(actual: (number | null)[], expected: (number | null)[]) {
  assert.equal(actual.length, expected.length);
  expected.forEach((e, i) => (e === null ? assert.equal(actual[i], null, `close ${i}`) : near(actual[i], e)));
}

test('oi_log_change_1d: a day counts from its end on; none before two days, across a missing day, or once a day is overdue', () => {
  const ln = Math.log;
  expectValues(run(feature('oi_log_change_1d'), closes), [null, null, ln(2), ln(2), ln(1.5), ln(600 / 500), ln(700 / 600), ln(800 / 700), ln(800 / 700), null, null]);
});

test('oi_vs_mean_7d: ln(last ended day / mean of the last 7 ended days), only over 7 consecutive days', () => {
  const ln = Math.log;
  expectValues(run(feature('oi_vs_mean_7d'), closes), [null, null, null, null, null, null, ln(700 / 400), ln(800 / 500), ln(800 / 500), null, null]);
});
