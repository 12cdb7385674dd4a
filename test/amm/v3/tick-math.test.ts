import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getSqrtRatioAtTick, getTickAtSqrtRatio, MAX_SQRT_RATIO, MAX_TICK, MIN_SQRT_RATIO, MIN_TICK, TICK_FACTORS } from '../../../actors/amm/v3/tick-math.js';

// The literals in TickMath.sol, which our factors are derived to equal.
const CONTRACT_FACTORS = [
  'fffcb933bd6fad37aa2d162d1a594001', 'fff97272373d413259a46990580e213a', 'fff2e50f5f656932ef12357cf3c7fdcc', 'ffe5caca7e10e4e61c3624eaa0941cd0',
  'ffcb9843d60f6159c9db58835c926644', 'ff973b41fa98c081472e6896dfb254c0', 'ff2ea16466c96a3843ec78b326b52861', 'fe5dee046a99a2a811c461f1969c3053',
  'fcbe86c7900a88aedcffc83b479aa3a4', 'f987a7253ac413176f2b074cf7815e54', 'f3392b0822b70005940c7a398e4b70f3', 'e7159475a2c29b7443b29c7fa6e889d9',
  'd097f3bdfd2022b8845ad8f792aa5825', 'a9f746462d870fdf8a65dc1f90e061e5', '70d869a156d2a1b890bb3df62baf32f7', '31be135f97d08fd981231505542fcfa6',
  '9aa508b5b7a84e1c677de54f3e99bc9', '5d6af8dedb81196699c329225ee604', '2216e584f5fa1ea926041bedfe98', '48a170391f7dc42444e8fa2',
].map((h) => BigInt(`0x${h}`));

test('the derived factors are the contract literals', () => {
  assert.deepEqual(TICK_FACTORS, CONTRACT_FACTORS);
});

test('getSqrtRatioAtTick: known values', () => {
  assert.equal(getSqrtRatioAtTick(0), 1n << 96n);
  assert.equal(getSqrtRatioAtTick(MIN_TICK), MIN_SQRT_RATIO);
  assert.equal(getSqrtRatioAtTick(MAX_TICK), MAX_SQRT_RATIO);
  assert.equal(MIN_SQRT_RATIO, 4295128739n);
  assert.equal(MAX_SQRT_RATIO, 1461446703485210103287273052203988822378723970342n);
  // v3-core TickMath tests
  assert.equal(getSqrtRatioAtTick(MIN_TICK + 1), 4295343490n);
  assert.equal(getSqrtRatioAtTick(MAX_TICK - 1), 1461373636630004318706518188784493106690254656249n);
  assert.throws(() => getSqrtRatioAtTick(MIN_TICK - 1), /outside/);
  assert.throws(() => getSqrtRatioAtTick(MAX_TICK + 1), /outside/);
});

test('getSqrtRatioAtTick is within a part in 10^9 of sqrt(1.0001^tick)', () => {
  for (const tick of [-887270, -500000, -100000, -1, 1, 50, 199045, 500000, 887270]) {
    const got = Number(getSqrtRatioAtTick(tick)) / 2 ** 96;
    const want = Math.exp((tick * Math.log1p(1e-4)) / 2);
    assert.ok(Math.abs(got / want - 1) < 1e-9, `tick ${tick}: ${got} vs ${want}`);
  }
});

test('getTickAtSqrtRatio: the greatest tick whose ratio is ≤ the price; limits', () => {
  assert.equal(getTickAtSqrtRatio(MIN_SQRT_RATIO), MIN_TICK);
  assert.equal(getTickAtSqrtRatio(4295343490n), MIN_TICK + 1);
  assert.equal(getTickAtSqrtRatio(MAX_SQRT_RATIO - 1n), MAX_TICK - 1);
  assert.equal(getTickAtSqrtRatio(1461373636630004318706518188784493106690254656249n), MAX_TICK - 1);
  assert.throws(() => getTickAtSqrtRatio(MIN_SQRT_RATIO - 1n), /outside/);
  assert.throws(() => getTickAtSqrtRatio(MAX_SQRT_RATIO), /outside/);
  // A Swap event of the USDC/WETH 0.05% pool on 2024-01-05: price and tick as logged.
  assert.equal(getTickAtSqrtRatio(1662995104975155420368771254341874n), 199045);
});

test('round trips tick → ratio → tick, and one unit below a tick ratio is the tick before', () => {
  for (let tick = -887000; tick <= 887000; tick += 997) {
    const ratio = getSqrtRatioAtTick(tick);
    assert.equal(getTickAtSqrtRatio(ratio), tick);
    assert.equal(getTickAtSqrtRatio(ratio - 1n), tick - 1);
    assert.equal(getTickAtSqrtRatio(getSqrtRatioAtTick(tick + 1) - 1n), tick);
  }
});
