import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binomialUpperTailHalf } from '../../../actors/models/evaluation/binomial-tail.js';
import { mcnemarOneSided } from '../../../actors/models/evaluation/mcnemar.js';

/** P(X ≥ k), X ~ Bin(n, 1/2), as an exact fraction in BigInt, rounded to a double. */
function exactTail(k: number, n: number): number {
  let c = 1n;
  let sum = 0n;
  for (let i = 0; i <= n; i++) {
    if (i >= k) sum += c;
    c = (c * BigInt(n - i)) / BigInt(i + 1);
  }
  if (sum === 0n) return 0;
  // Scale so the quotient keeps 64 significant bits, however small the tail.
  const shift = Math.max(0, n - sum.toString(2).length + 64);
  return Number((sum << BigInt(shift)) / (1n << BigInt(n))) * 2 ** -shift;
}

/** Within a relative 1e-9: the log-space sum carries rounding of ln C(n, k) (about 3,500 at n = 5,000) into the result. */
const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) <= 1e-9 * expected, `${what}: ${actual} vs ${expected}`);

test('the binomial tail matches values worked by hand', () => {
  close(binomialUpperTailHalf(8, 10), 56 / 1024, 'n = 10');
  close(binomialUpperTailHalf(15, 20), 21_700 / 1_048_576, 'n = 20');
  close(binomialUpperTailHalf(1, 1), 0.5, 'n = 1');
  assert.equal(binomialUpperTailHalf(0, 0), 1);
  assert.equal(binomialUpperTailHalf(0, 7), 1);
  assert.equal(binomialUpperTailHalf(8, 7), 0);
  close(binomialUpperTailHalf(7, 7), 1 / 128, 'all of them');
  close(binomialUpperTailHalf(5, 10), 638 / 1024, 'a tail holding the middle');
});

test('the binomial tail agrees with exact BigInt sums up to n = 5,000, in the middle and far out in the tail', () => {
  for (const [k, n] of [[30, 50], [26, 50], [520, 1_000], [560, 1_000], [700, 1_000], [2_550, 5_000], [2_700, 5_000], [1_000, 2_000], [999, 2_000]] as const) {
    close(binomialUpperTailHalf(k, n), exactTail(k, n), `P(X ≥ ${k} | n = ${n})`);
  }
  const tiny = binomialUpperTailHalf(700, 1_000);
  assert.ok(tiny > 0 && tiny < 1e-35, `a p-value far below double epsilon is kept, not rounded to 0: ${tiny}`);
});

test('McNemar counts only the discordant pairs, one-sided toward the model', () => {
  const model = [true, true, true, false, true, false, true, true];
  const base = [true, false, false, false, false, true, true, false];
  const r = mcnemarOneSided(model, base);
  assert.deepEqual([r.modelOnlyRight, r.baselineOnlyRight], [4, 1]);
  close(r.pValue, 6 / 32, 'P(X ≥ 4 | n = 5)');
  close(mcnemarOneSided(base, model).pValue, 31 / 32, 'the other way round it is no evidence at all');
  assert.equal(mcnemarOneSided([true, false], [true, false]).pValue, 1, 'no discordant pair: p = 1');
});
