import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Candle } from '../../../actors/market-data/types.js';
import type { ScannedPattern } from '../../../actors/patterns/scan-patterns.js';
import { evaluatePatterns, type KindEvaluation } from '../../../actors/patterns/evaluation/evaluate-patterns.js';
import { candlesFromReturns, gaussianReturns } from '../../support/synthetic-candles.js';

const MIN = 60_000;
const pattern = (candles: readonly Candle[], bar: number, family: ScannedPattern['family'], name: string, direction: ScannedPattern['direction']): ScannedPattern => ({
  family,
  name,
  direction,
  points: [],
  ratios: {},
  invalidation: 0,
  confirmedAt: candles[bar]!.ts,
});
const row = (rows: readonly KindEvaluation[], name: string, horizon?: number) => rows.find((r) => r.name === name && (horizon === undefined || r.horizon === horizon))!;
const close = (a: number | null, b: number, what: string) => assert.ok(a !== null && Math.abs(a - b) < 1e-12, `${what}: ${a} vs ${b}`);

/**
 * 130 one-minute bars, flat except that the two bars after each of bars 10, 20, …, 120 rise 1 % (log) each. Over
 * h = 2 bars the forward return is 0.02 from those 12 bars, 0.01 from the bar before and the bar after each, 0
 * elsewhere; 128 bars have one (the last 2 do not): unconditional mean 12 × 0.04 / 128 = 0.00375, 36/128 up.
 */
function steps(): { candles: Candle[]; entries: number[] } {
  const entries = Array.from({ length: 12 }, (_, k) => 10 * (k + 1));
  const returns = new Array<number>(130).fill(0);
  for (const e of entries) returns[e + 1] = returns[e + 2] = 0.01;
  return { candles: candlesFromReturns(returns, MIN), entries };
}

test('a kind followed by a known rise: the mean, difference, hit rate and verdict by hand', () => {
  const { candles, entries } = steps();
  const patterns = [
    ...entries.map((e) => pattern(candles, e, 'harmonic', 'gartley', 'bullish')),
    ...entries.map((e) => pattern(candles, e, 'elliott', 'impulse', 'bearish')),
    ...[30, 60, 128].map((e) => pattern(candles, e, 'harmonic', 'bat', 'bullish')),
  ];
  const out = evaluatePatterns(candles, MIN, patterns, { horizons: [2], replicates: 2000 });
  assert.equal(out.bars, 130);
  const [base] = out.horizons;
  assert.deepEqual({ ...base, meanReturn: undefined, meanBlock: undefined }, { horizon: 2, entries: 128, meanReturn: undefined, upShare: 36 / 128, downShare: 0, meanBlock: undefined, dropped: { pastEnd: 1, gap: 0 } });
  close(base!.meanReturn, 0.00375, 'unconditional');

  const gartley = row(out.kinds, 'gartley');
  assert.equal(gartley.n, 12);
  close(gartley.meanReturn, 0.02, 'gartley mean');
  close(gartley.difference, 0.02 - 0.00375, 'gartley diff');
  assert.equal(gartley.hitRate, 1);
  assert.equal(gartley.unconditionalHitRate, 36 / 128);
  // Every draw's entry mean is 0.02 and its every-bar mean below it: the whole interval is above 0.
  assert.ok(gartley.ci![0] > 0 && gartley.ci![1] <= 0.02, String(gartley.ci));
  assert.equal(gartley.verdict, 'edge');
  assert.equal(gartley.verdictAdjusted, 'edge');

  // The same rise after a bearish pattern is against it: every figure signed × −1.
  const impulse = row(out.kinds, 'impulse');
  close(impulse.meanReturn, 0.02, 'impulse raw mean');
  close(impulse.signedReturn, -0.02, 'impulse signed');
  close(impulse.unconditional, -0.00375, 'impulse unconditional');
  close(impulse.difference, -0.01625, 'impulse diff');
  assert.equal(impulse.hitRate, 0);
  assert.equal(impulse.unconditionalHitRate, 0);
  assert.ok(impulse.ci![1] < 0);
  assert.equal(impulse.verdict, 'adverse');

  // Bar 128 + 2 runs past the last bar (129): not counted; two left are too few.
  const bat = row(out.kinds, 'bat');
  assert.deepEqual([bat.n, bat.dropped, bat.verdict], [2, 1, 'too few']);
  close(bat.meanReturn, 0.02, 'bat mean');

  assert.deepEqual([out.method.tests, out.method.adjustedConfidence, out.edges, out.edgesAdjusted], [2, 0.975, 1, 1]);
  assert.deepEqual(out.kinds.map((k) => `${k.family} ${k.name}`), ['harmonic bat', 'harmonic gartley', 'elliott impulse'], 'families in order, names sorted');
});

test('a window across a gap is not counted, and every bar past the gap still is', () => {
  const { candles } = steps();
  const gapped = candles.filter((_, i) => i !== 50); // bar 50 missing
  const patterns = [pattern(gapped, 48, 'wyckoff', 'accumulation', 'bullish'), pattern(gapped, 51, 'wyckoff', 'accumulation', 'bullish')];
  const out = evaluatePatterns(gapped, MIN, patterns, { horizons: [2], replicates: 200 });
  assert.deepEqual(out.horizons[0]!.dropped, { pastEnd: 0, gap: 1 });
  // 129 bars, the last 2 and the 2 before the gap (indexes 48, 49) without a forward return.
  assert.equal(out.horizons[0]!.entries, 125);
  assert.deepEqual([out.kinds[0]!.n, out.kinds[0]!.dropped], [1, 1]);
  assert.equal(out.kinds[0]!.ci, null, 'one entry: no interval');
});

test('patterns on a random walk are followed by what follows every bar: no edge', () => {
  const candles = candlesFromReturns(gaussianReturns(3000, 5), MIN);
  const h = 10;
  const bullish = Array.from({ length: 110 }, (_, k) => 25 * k + 3);
  const bearish = bullish.map((b) => b + 12);
  const patterns = [...bullish.map((b) => pattern(candles, b, 'wyckoff', 'accumulation', 'bullish')), ...bearish.map((b) => pattern(candles, b, 'wyckoff', 'distribution', 'bearish'))];
  const out = evaluatePatterns(candles, MIN, patterns, { horizons: [h], replicates: 2000 });
  const fwd = (i: number) => Math.log(candles[i + h]!.close / candles[i]!.close);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const all = mean(candles.slice(0, -h).map((_, i) => fwd(i)));
  close(out.horizons[0]!.meanReturn, all, 'unconditional');
  for (const [name, bars, sign] of [['accumulation', bullish, 1], ['distribution', bearish, -1]] as const) {
    const r = row(out.kinds, name);
    close(r.meanReturn, mean(bars.map(fwd)), `${name} mean`);
    close(r.difference, sign * (mean(bars.map(fwd)) - all), `${name} diff`);
    assert.ok(r.ci![0] < r.difference! && r.difference! < r.ci![1], `${name}: diff inside its interval`);
    assert.ok(r.ci![0] < 0 && r.ci![1] > 0, `${name}: ${r.ci}`);
    assert.equal(r.verdict, 'no edge');
    assert.ok(r.ciAdjusted![0] < r.ci![0] && r.ciAdjusted![1] > r.ci![1], 'the Bonferroni interval is wider');
  }
  assert.ok(out.horizons[0]!.meanBlock >= h, 'blocks at least as long as the horizon');
  assert.equal(out.edges, 0);
});

test('same seed, same answer; a horizon as long as the data is refused', () => {
  const { candles, entries } = steps();
  const patterns = entries.map((e) => pattern(candles, e, 'harmonic', 'gartley', 'bullish'));
  const a = evaluatePatterns(candles, MIN, patterns, { horizons: [2, 5], replicates: 300, seed: 4 });
  const b = evaluatePatterns(candles, MIN, patterns, { horizons: [5], replicates: 300, seed: 4 });
  assert.deepEqual(row(a.kinds, 'gartley', 5).ci, row(b.kinds, 'gartley', 5).ci, 'a horizon\'s draws do not depend on the others asked');
  assert.throws(() => evaluatePatterns(candles, MIN, patterns, { horizons: [130] }), /only 130/);
});
