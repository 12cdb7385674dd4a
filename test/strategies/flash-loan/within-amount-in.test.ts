import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findOpportunities } from '../../../actors/strategies/flash-loan/opportunities.js';
import { bestWithinAmountIn, withinAmountIn } from '../../../actors/strategies/flash-loan/within-amount-in.js';
import type { Pool } from '../../../actors/strategies/flash-loan/pool.js';

const E18 = 10n ** 18n;
const pool = (dex: string, pair: string, token0: string, token1: string, r0: bigint, r1: bigint): Pool => ({ dex, pair, token0, token1, reserve0: r0, reserve1: r1 });

test('a cycle held within a cap puts in at most the cap, still pays, and is left alone under it', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 1_000n, max: 100_000n }), fc.integer({ min: 101, max: 120 }), fc.integer({ min: 1, max: 999 }), (wethReserve, gapPct, capPermille) => {
      const pools = [
        pool('uni', 'u', 'weth', 'dai', wethReserve * E18, wethReserve * 3_000n * E18),
        pool('sushi', 's', 'weth', 'dai', wethReserve * E18, (wethReserve * 3_000n * BigInt(gapPct) * E18) / 100n),
      ];
      const [best] = findOpportunities(pools, 'weth');
      if (!best) return;
      const cap = (best.amountIn * BigInt(capPermille)) / 1_000n;
      const held = withinAmountIn(best, cap);
      if (!held) return;
      assert.ok(held.amountIn <= cap, `${held.amountIn} > cap ${cap}`);
      assert.ok(held.profit > 0n && held.borrow < best.borrow);
      assert.equal(withinAmountIn(best, best.amountIn), best);
    }),
    { numRuns: 200 },
  );
});

test('under a cap the best cycle is the one that pays most within it, not the best uncapped one', () => {
  const pools = [
    // a deep pair with a 2% gap and a shallow one with a 10% gap
    pool('uni', 'u1', 'weth', 'dai', 100_000n * E18, 300_000_000n * E18),
    pool('sushi', 's1', 'weth', 'dai', 100_000n * E18, 306_000_000n * E18),
    pool('uni', 'u2', 'weth', 'usdc', 100n * E18, 300_000n * E18),
    pool('sushi', 's2', 'weth', 'usdc', 100n * E18, 330_000n * E18),
  ];
  const all = findOpportunities(pools, 'weth');
  assert.equal(all[0]!.buyPool.pair.slice(1), '1', 'uncapped, the deep pair pays most');
  assert.equal(bestWithinAmountIn(all, undefined), all[0]);
  assert.equal(bestWithinAmountIn(all, 1n * E18)!.buyPool.pair.slice(1), '2', 'within 1 WETH, the wider gap pays most');
});
