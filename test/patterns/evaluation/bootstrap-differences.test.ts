import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../../actors/runtime/random.js';
import { bootstrapDifferences } from '../../../actors/patterns/evaluation/bootstrap-differences.js';
import { quantileSorted } from '../../../actors/patterns/evaluation/quantile.js';
import { gaussianReturns } from '../../support/synthetic-candles.js';

test('each draw is the entries\' mean minus the mean of every drawn bar; bars without a return count for nothing', () => {
  // Returns 1 at bars 0 and 5 (the entries), 0 elsewhere, none at bar 9: a draw's entry mean is always 1, so its
  // difference is 1 − (entries drawn) / (bars with a return drawn), in [0, 1) and often 1 − 2/9 or near it.
  const returns = Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, NaN]);
  const [draws] = bootstrapDifferences(returns, [[0, 5]], { meanBlock: 3, replicates: 2000, random: seededRandom(1) });
  const seen = [...draws!].filter((d) => !Number.isNaN(d));
  assert.ok(seen.length > 1500 && seen.every((d) => d >= 0 && d < 1), 'entry mean 1, every-bar mean above 0 when an entry is drawn');
  const mean = seen.reduce((s, d) => s + d, 0) / seen.length;
  assert.ok(Math.abs(mean - (1 - 2 / 9)) < 0.05, `mean draw ${mean}`);
});

test('every bar an entry: every draw is exactly 0; an entry seldom drawn leaves NaN draws; an entry without a return is refused', () => {
  const returns = Float64Array.from(gaussianReturns(200, 4));
  const every = Array.from({ length: 200 }, (_, i) => i);
  const [draws, rare] = bootstrapDifferences(returns, [every, [17]], { meanBlock: 1, replicates: 300, random: seededRandom(2) });
  assert.ok(draws!.every((d) => Math.abs(d) < 1e-15));
  // A draw misses bar 17 with probability (1 − 1/200)^200 ≈ 0.37.
  const missed = rare!.filter(Number.isNaN).length / 300;
  assert.ok(missed > 0.28 && missed < 0.46, `missed ${missed}`);
  assert.throws(() => bootstrapDifferences(Float64Array.from([0.1, NaN]), [[1]], { meanBlock: 1, replicates: 1, random: seededRandom(3) }), /bar 1 has no forward return/);
});

test('iid normal returns, entries at random bars: the 95% interval holds the true difference 0 in about 95% of series', () => {
  const trials = 200;
  let covered = 0;
  const pick = seededRandom(99);
  for (let t = 0; t < trials; t++) {
    const returns = Float64Array.from(gaussianReturns(500, 1000 + t));
    const entries = [...new Set(Array.from({ length: 40 }, () => Math.floor(pick() * 500)))];
    const [draws] = bootstrapDifferences(returns, [entries], { meanBlock: 5, replicates: 400, random: seededRandom(t) });
    const sorted = draws!.filter((d) => !Number.isNaN(d)).sort();
    if (quantileSorted(sorted, 0.025) <= 0 && quantileSorted(sorted, 0.975) >= 0) covered++;
  }
  // Binomial(200, 0.95) has standard deviation 0.015.
  assert.ok(covered / trials >= 0.9 && covered / trials <= 0.99, `coverage ${covered / trials}`);
});
