import { test } from 'node:test';
import assert from 'node:assert/strict';
import { significanceGate } from '../../../actors/models/evaluation/significance-gate.js';

/** A predictor right on the samples where `right` says so. */
function judged(right: boolean[]) {
  const hits = right.filter(Boolean).length;
  return { score: { accuracy: hits / right.length, samples: right.length, brier: 0.25, pnl: 0 }, right };
}
const pattern = (n: number, rightWhen: (i: number) => boolean) => Array.from({ length: n }, (_, i) => rightWhen(i));

test('a model no better than the best baseline is disabled, and the reason says so with the numbers', () => {
  const v = significanceGate({
    model: judged(pattern(4_032, (i) => i % 1000 < 504)),
    baselines: { persistence: judged(pattern(4_032, (i) => i % 1000 >= 480)), majority: judged(pattern(4_032, (i) => i % 2 === 0)) },
  });
  assert.equal(v.bestBaseline, 'persistence');
  assert.equal(v.enabled, false);
  assert.match(v.reason, /^accuracy 50\.\d% vs persistence 51\.\d% on 4,032 samples: not better \(McNemar p = 0\.\d+/);
  assert.ok(v.significance.pValue > 0.5);
});

test('better but within the noise of the sample count: disabled', () => {
  // 30 pairs only one gets right, 18 of them the model's: P(X ≥ 18 | 30) ≈ 0.18
  const model = pattern(200, (i) => i < 100 || (i >= 170 && i < 188));
  const base = pattern(200, (i) => i < 100 || i >= 188);
  const v = significanceGate({ model: judged(model), baselines: { persistence: judged(base) } });
  assert.deepEqual([v.significance.modelOnlyRight, v.significance.baselineOnlyRight], [18, 12]);
  assert.equal(v.enabled, false);
  assert.match(v.reason, /better but not significantly \(McNemar p = 0\.18 ≥ 0\.05/);
});

test('significantly better than the best baseline: enabled, with the test named in the verdict', () => {
  const model = pattern(1_000, (i) => i % 10 < 7);
  const v = significanceGate({
    model: judged(model),
    baselines: { persistence: judged(pattern(1_000, (i) => i % 10 < 4 || i % 10 === 9)), 'sma-cross': judged(pattern(1_000, (i) => i % 10 >= 4)) },
  });
  assert.equal(v.bestBaseline, 'sma-cross');
  assert.equal(v.enabled, true);
  assert.match(v.reason, /^accuracy 70\.0% vs sma-cross 60\.0% on 1,000 samples: significantly better \(McNemar p = .+ < 0\.05/);
  assert.match(v.significance.test, /McNemar/);
  assert.equal(v.significance.alpha, 0.05);
});
