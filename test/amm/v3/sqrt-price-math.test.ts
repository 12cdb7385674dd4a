import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_UINT256 } from '../../../actors/amm/full-math.js';
import {
  getAmount0Delta,
  getAmount0DeltaSigned,
  getAmount1Delta,
  getAmount1DeltaSigned,
  getNextSqrtPriceFromInput,
  getNextSqrtPriceFromOutput,
} from '../../../actors/amm/v3/sqrt-price-math.js';
import { encodePriceSqrt } from './encode-price-sqrt.js';

const E18 = 10n ** 18n;
const ONE = encodePriceSqrt(1n, 1n);

// Expected values are v3-core's SqrtPriceMath tests.
test('getNextSqrtPriceFromInput', () => {
  assert.equal(getNextSqrtPriceFromInput(ONE, E18, E18 / 10n, false), 87150978765690771352898345369n);
  assert.equal(getNextSqrtPriceFromInput(ONE, E18, E18 / 10n, true), 72025602285694852357767227579n);
  assert.equal(getNextSqrtPriceFromInput(ONE, E18 / 10n, 0n, true), ONE);
  assert.equal(getNextSqrtPriceFromInput(ONE, E18 / 10n, 0n, false), ONE);
  assert.equal(getNextSqrtPriceFromInput(ONE, 10n * E18, 2n ** 100n, true), 624999999995069620n); // amountIn > uint96 max
  assert.equal(getNextSqrtPriceFromInput(ONE, 1n, MAX_UINT256 / 2n, true), 1n);
  // Any input cannot push token0's price below 1; token1's price cannot overflow uint160.
  assert.equal(getNextSqrtPriceFromInput(1n, 1n, 2n ** 255n, true), 1n);
  assert.throws(() => getNextSqrtPriceFromInput((1n << 160n) - 1n, 1024n, 1024n, false), /uint160/);
  assert.throws(() => getNextSqrtPriceFromInput(0n, 0n, E18 / 10n, false), /> 0/);
  assert.throws(() => getNextSqrtPriceFromInput(1n, 0n, E18 / 10n, true), /> 0/);
});

test('getNextSqrtPriceFromOutput', () => {
  assert.equal(getNextSqrtPriceFromOutput(ONE, E18, E18 / 10n, false), 88031291682515930659493278152n);
  assert.equal(getNextSqrtPriceFromOutput(ONE, E18, E18 / 10n, true), 71305346262837903834189555302n);
  assert.equal(getNextSqrtPriceFromOutput(ONE, E18 / 10n, 0n, true), ONE);
  // price 2^106 (as sqrt ratio 20282409603651670423947251286016), liquidity 1024: virtual reserves are 4 of token0, 262144 of token1
  const price = 20282409603651670423947251286016n;
  assert.equal(getNextSqrtPriceFromOutput(price, 1024n, 262143n, true), 77371252455336267181195264n);
  assert.throws(() => getNextSqrtPriceFromOutput(price, 1024n, 262144n, true), /removing more token1/);
  assert.throws(() => getNextSqrtPriceFromOutput(price, 1024n, 4n, false), /removing more token0/);
  assert.throws(() => getNextSqrtPriceFromOutput(price, 1024n, 5n, false), /removing more token0/);
  assert.throws(() => getNextSqrtPriceFromOutput(ONE, 1n, MAX_UINT256, true));
  assert.throws(() => getNextSqrtPriceFromOutput(ONE, 1n, MAX_UINT256, false));
});

test('getAmount0Delta / getAmount1Delta round up by exactly one when asked', () => {
  const p121 = encodePriceSqrt(121n, 100n);
  assert.equal(getAmount0Delta(ONE, encodePriceSqrt(2n, 1n), 0n, true), 0n);
  assert.equal(getAmount0Delta(ONE, ONE, 0n, true), 0n);
  assert.equal(getAmount0Delta(ONE, p121, E18, true), 90909090909090910n);
  assert.equal(getAmount0Delta(ONE, p121, E18, false), 90909090909090909n);
  assert.equal(getAmount0Delta(p121, ONE, E18, true), 90909090909090910n, 'the order of the prices does not matter');
  assert.equal(getAmount1Delta(ONE, p121, E18, true), 100000000000000000n);
  assert.equal(getAmount1Delta(ONE, p121, E18, false), 99999999999999999n);
  const up = getAmount0Delta(encodePriceSqrt(2n ** 90n, 1n), encodePriceSqrt(2n ** 96n, 1n), E18, true);
  const down = getAmount0Delta(encodePriceSqrt(2n ** 90n, 1n), encodePriceSqrt(2n ** 96n, 1n), E18, false);
  assert.equal(up, down + 1n);
});

test('signed deltas: adding liquidity is owed rounded up, removing is paid rounded down', () => {
  const p121 = encodePriceSqrt(121n, 100n);
  assert.equal(getAmount0DeltaSigned(ONE, p121, E18), 90909090909090910n);
  assert.equal(getAmount0DeltaSigned(ONE, p121, -E18), -90909090909090909n);
  assert.equal(getAmount1DeltaSigned(ONE, p121, E18), 100000000000000000n);
  assert.equal(getAmount1DeltaSigned(ONE, p121, -E18), -99999999999999999n);
});

test('a swap of the input back and forth never gains: input rounds the price against the trader', () => {
  const price = 1662995104975155420368771254341874n;
  const liquidity = 12453647101533358277n;
  for (const amountIn of [1n, 999n, 10n ** 6n, 10n ** 9n, 10n ** 12n]) {
    const down = getNextSqrtPriceFromInput(price, liquidity, amountIn, true);
    assert.ok(getAmount0Delta(down, price, liquidity, true) <= amountIn);
    assert.ok(getAmount0Delta(down, price, liquidity, true) >= getAmount0Delta(down, price, liquidity, false));
  }
});
