import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isqrt } from '../../../actors/amm/isqrt.js';
import { getAmountIn, getAmountOut } from '../../../actors/strategies/flash-loan/v2-math.js';

test('getAmountOut matches the Uniswap V2 formula on a worked example', () => {
  // 1 WETH into a 100 WETH / 200,000 USDC pool: 997e18*200000e6 / (100e18*1000 + 997e18)
  assert.equal(getAmountOut(10n ** 18n, 100n * 10n ** 18n, 200_000n * 10n ** 6n), 1_974_316_068n);
  assert.equal(getAmountOut(0n, 10n, 10n), 0n);
});

test('getAmountIn is the least input whose output covers the request (plus V2 rounding of at most 1)', () => {
  fc.assert(
    fc.property(fc.bigInt(1000n, 10n ** 30n), fc.bigInt(1000n, 10n ** 30n), fc.bigInt(1n, 10n ** 24n), (rin, rout, out) => {
      fc.pre(out < rout);
      const amountIn = getAmountIn(out, rin, rout)!;
      assert.ok(getAmountOut(amountIn, rin, rout) >= out);
      assert.ok(amountIn < 2n || getAmountOut(amountIn - 2n, rin, rout) < out);
    }),
  );
  assert.equal(getAmountIn(10n, 5n, 10n), undefined);
});

test('isqrt is the exact floor square root', () => {
  fc.assert(
    fc.property(fc.bigInt(0n, 2n ** 400n), (n) => {
      const r = isqrt(n);
      assert.ok(r * r <= n && (r + 1n) * (r + 1n) > n);
    }),
  );
});
