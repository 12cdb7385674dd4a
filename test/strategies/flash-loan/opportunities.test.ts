import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossDexPairs, findOpportunities } from '../../../actors/strategies/flash-loan/opportunities.js';
import { quoteCycle } from '../../../actors/strategies/flash-loan/two-pool-arbitrage.js';
import { getAmountIn, getAmountOut } from '../../../actors/strategies/flash-loan/v2-math.js';
import type { Pool } from '../../../actors/strategies/flash-loan/pool.js';
import { netProfit, clearsThreshold, nextBaseFee } from '../../../actors/strategies/flash-loan/net-profit.js';

const E18 = 10n ** 18n;
const pool = (dex: string, pair: string, token0: string, token1: string, r0: bigint, r1: bigint): Pool => ({ dex, pair, token0, token1, reserve0: r0, reserve1: r1 });

test('only pools of the same tokens on different DEXes are paired', () => {
  const pools = [
    pool('uni', 'u1', 'weth', 'dai', 100n * E18, 40_000n * E18),
    pool('sushi', 's1', 'dai', 'weth', 41_000n * E18, 100n * E18),
    pool('uni', 'u2', 'weth', 'dai', 1n * E18, 400n * E18),
    pool('sushi', 's2', 'weth', 'usdc', 1n * E18, 400n),
  ];
  const pairs = crossDexPairs(pools).map(([a, b]) => [a.pair, b.pair].sort().join('-'));
  assert.deepEqual(pairs.sort(), ['s1-u1', 's1-u2']);
});

test('opportunities are best first, in raw units, and re-computable step by step', () => {
  const pools = [
    pool('uni', 'u1', 'weth', 'dai', 100n * E18, 40_000n * E18),
    pool('sushi', 's1', 'dai', 'weth', 41_000n * E18, 100n * E18), // DAI is cheapest here
    pool('sushi', 's2', 'dai', 'weth', 40_400n * E18, 100n * E18),
  ];
  const opps = findOpportunities(pools, 'weth');
  assert.equal(opps.length, 2);
  assert.ok(opps[0]!.profit >= opps[1]!.profit);
  const best = opps[0]!;
  // borrow DAI where it is cheap in WETH (s1), sell it for WETH on u1, repay s1 in WETH
  assert.equal(best.buyPool.pair, 's1');
  assert.equal(best.sellPool.pair, 'u1');
  assert.equal(best.borrowToken, 'dai');
  assert.equal(best.amountIn, getAmountIn(best.borrow, 100n * E18, 41_000n * E18));
  assert.equal(best.amountOut, getAmountOut(best.borrow, 40_000n * E18, 100n * E18));
  assert.equal(best.profit, best.amountOut - best.amountIn);
  const r = { buyBase: 100n * E18, buyQuote: 41_000n * E18, sellBase: 100n * E18, sellQuote: 40_000n * E18 };
  assert.deepEqual(quoteCycle(r, best.borrow)!.profit, best.profit);
});

test('net profit subtracts gas, loan fee and builder payment; threshold from the caller', () => {
  const net = netProfit({ grossProfit: 10n ** 17n, gasUsed: 150_000n, gasPrice: 2_000_000_000n, loanFee: 9n, builderPayment: 1n });
  assert.equal(net, 10n ** 17n - 300_000_000_000_000n - 10n);
  assert.equal(clearsThreshold(net, 10n ** 16n), true);
  assert.equal(clearsThreshold(net, 10n ** 18n), false);
  assert.equal(clearsThreshold(-1n, 0n), false);
});

test('next base fee follows EIP-1559', () => {
  assert.equal(nextBaseFee(1_000_000_000n, 15_000_000n, 30_000_000n), 1_000_000_000n);
  assert.equal(nextBaseFee(1_000_000_000n, 30_000_000n, 30_000_000n), 1_125_000_000n);
  assert.equal(nextBaseFee(1_000_000_000n, 0n, 30_000_000n), 875_000_000n);
});
