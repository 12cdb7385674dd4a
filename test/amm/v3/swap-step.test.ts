import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getNextSqrtPriceFromInput, getNextSqrtPriceFromOutput } from '../../../actors/amm/v3/sqrt-price-math.js';
import { computeSwapStep } from '../../../actors/amm/v3/swap-step.js';
import { encodePriceSqrt } from './encode-price-sqrt.js';

const E18 = 10n ** 18n;
const ONE = encodePriceSqrt(1n, 1n);

// Expected values are v3-core's SwapMath tests.
test('exact input capped at the target, one for zero', () => {
  const target = encodePriceSqrt(101n, 100n);
  const s = computeSwapStep(ONE, target, 2n * E18, E18, 600);
  assert.deepEqual(s, { sqrtRatioNextX96: target, amountIn: 9975124224178055n, feeAmount: 5988667735148n, amountOut: 9925619580021728n });
  assert.ok(s.amountIn + s.feeAmount < E18);
  assert.ok(s.sqrtRatioNextX96 < getNextSqrtPriceFromInput(ONE, 2n * E18, E18, false));
});

test('exact output capped at the target, one for zero', () => {
  const target = encodePriceSqrt(101n, 100n);
  const s = computeSwapStep(ONE, target, 2n * E18, -E18, 600);
  assert.deepEqual(s, { sqrtRatioNextX96: target, amountIn: 9975124224178055n, feeAmount: 5988667735148n, amountOut: 9925619580021728n });
  assert.ok(s.sqrtRatioNextX96 < getNextSqrtPriceFromOutput(ONE, 2n * E18, E18, false));
});

test('exact input fully spent before the target', () => {
  const s = computeSwapStep(ONE, encodePriceSqrt(1000n, 100n), 2n * E18, E18, 600);
  assert.equal(s.amountIn, 999400000000000000n);
  assert.equal(s.feeAmount, 600000000000000n);
  assert.equal(s.amountOut, 666399946655997866n);
  assert.equal(s.amountIn + s.feeAmount, E18);
  assert.equal(s.sqrtRatioNextX96, getNextSqrtPriceFromInput(ONE, 2n * E18, E18 - s.feeAmount, false));
});

test('exact output fully received before the target', () => {
  const s = computeSwapStep(ONE, encodePriceSqrt(10000n, 100n), 2n * E18, -E18, 600);
  assert.equal(s.amountIn, 2000000000000000000n);
  assert.equal(s.feeAmount, 1200720432259356n);
  assert.equal(s.amountOut, E18);
  assert.equal(s.sqrtRatioNextX96, getNextSqrtPriceFromOutput(ONE, 2n * E18, E18, false));
});

test('edge cases: output capped at the amount asked, target price 1, all input as fee, thin liquidity', () => {
  assert.deepEqual(computeSwapStep(417332158212080721273783715441582n, 1452870262520218020823638996n, 159344665391607089467575320103n, -1n, 1), {
    sqrtRatioNextX96: 417332158212080721273783715441581n,
    amountIn: 1n,
    feeAmount: 1n,
    amountOut: 1n,
  });
  assert.deepEqual(computeSwapStep(2n, 1n, 1n, 3915081100057732413702495386755767n, 1), {
    sqrtRatioNextX96: 1n,
    amountIn: 39614081257132168796771975168n,
    feeAmount: 39614120871253040049813n,
    amountOut: 0n,
  });
  assert.deepEqual(computeSwapStep(2413n, 79887613182836312n, 1985041575832132834610021537970n, 10n, 1872), { sqrtRatioNextX96: 2413n, amountIn: 0n, feeAmount: 10n, amountOut: 0n });
  const p = 20282409603651670423947251286016n;
  assert.deepEqual(computeSwapStep(p, (p * 11n) / 10n, 1024n, -4n, 3000), { sqrtRatioNextX96: (p * 11n) / 10n, amountIn: 26215n, feeAmount: 79n, amountOut: 0n });
  assert.deepEqual(computeSwapStep(p, (p * 9n) / 10n, 1024n, -263000n, 3000), { sqrtRatioNextX96: (p * 9n) / 10n, amountIn: 1n, feeAmount: 1n, amountOut: 26214n });
});
