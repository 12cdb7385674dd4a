import { test } from 'node:test';
import assert from 'node:assert/strict';
import { approvedBorrow, cycleTerms, poolsBooks, toUnits, type TokenInfo } from '../../../actors/strategies/flash-loan/intent-terms.js';
import { findOpportunities } from '../../../actors/strategies/flash-loan/opportunities.js';
import type { Pool } from '../../../actors/strategies/flash-loan/pool.js';

const E18 = 10n ** 18n;
const tokens: TokenInfo = { weth: { symbol: 'WETH', decimals: 18 }, usdc: { symbol: 'USDC', decimals: 6 } };
const pool = (dex: string, pair: string, token0: string, token1: string, r0: bigint, r1: bigint): Pool => ({ dex, pair, token0, token1, reserve0: r0, reserve1: r1 });
const pools = [pool('uni', 'u1', 'usdc', 'weth', 3_000_000n * 10n ** 6n, 1_000n * E18), pool('sushi', 's1', 'weth', 'usdc', 1_000n * E18, 3_090_000n * 10n ** 6n)];

test('a cycle is stated to risk in the profit token: amount × price = amount in, expectedProfit = net / amount in', () => {
  const [o] = findOpportunities(pools, 'weth');
  assert.ok(o);
  const net = o.profit - 10n ** 16n;
  const t = cycleTerms(o, net, tokens);
  assert.equal(t.symbol, 'USDC/WETH');
  assert.equal(t.amount, Number(o.borrow) / 1e6, 'whole USDC');
  assert.ok(Math.abs(t.amount * t.price - Number(o.amountIn) / 1e18) < 1e-9 * (Number(o.amountIn) / 1e18));
  assert.ok(Math.abs(t.expectedProfit - Number(net) / Number(o.amountIn)) < 1e-12);
  assert.ok(t.price > 1 / 3_090 && t.price < 1 / 2_990, `price ${t.price} WETH per USDC`);
});

test('the approved borrow never exceeds the approval and is the asked borrow when approved in full', () => {
  const asked = 123_456_789_012_345_678_901n;
  const amount = toUnits(asked, 18);
  assert.equal(approvedBorrow(asked, amount, amount), asked);
  assert.equal(approvedBorrow(asked, amount, amount * 2), asked);
  assert.equal(approvedBorrow(asked, amount, 0), 0n);
  for (const fraction of [0.5, 0.25, 0.999999, 1e-6]) {
    const cap = approvedBorrow(asked, amount, amount * fraction);
    assert.ok(toUnits(cap, 18) <= amount * fraction, `${fraction}: ${cap}`);
    assert.ok(Number(cap) >= Number(asked) * fraction * (1 - 1e-9), `${fraction}: ${cap} is not far below the approval`);
  }
});

test('one synthetic book per token pair: a level per pool, fee-adjusted, crossed when the gap beats the fees', () => {
  const [book, ...rest] = poolsBooks('chain:local', pools, 'weth', tokens, 7);
  assert.equal(rest.length, 0);
  assert.deepEqual([book!.venue, book!.symbol, book!.ts, book!.bids.length, book!.asks.length], ['chain:local', 'USDC/WETH', 7, 2, 2]);
  const [bestBid, bestAsk] = [book!.bids[0]![0], book!.asks[0]![0]];
  assert.ok(Math.abs(bestBid - (1_000 / 3_000_000) * 0.997) < 1e-15, `best bid ${bestBid} from the pool where USDC is dearest`);
  assert.ok(Math.abs(bestAsk - 1_000 / 3_090_000 / 0.997) < 1e-15, `best ask ${bestAsk} from the pool where USDC is cheapest`);
  assert.ok(bestBid > bestAsk, 'a ~3% gap beats 2 × 0.3% fees: crossed');
  const even = poolsBooks('chain:local', [pools[0]!, pool('sushi', 's2', 'weth', 'usdc', 1_000n * E18, 3_000_000n * 10n ** 6n)], 'weth', tokens, 7)[0]!;
  assert.ok(even.bids[0]![0] < even.asks[0]![0], 'same price on both DEXes: not crossed');
});
