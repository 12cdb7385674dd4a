import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { optimalCycle, quoteCycle, type OrientedReserves } from '../../../actors/strategies/flash-loan/two-pool-arbitrage.js';

function bruteForceBest(r: OrientedReserves): bigint {
  let best = 0n;
  for (let y = 1n; y < r.buyQuote; y++) {
    const q = quoteCycle(r, y);
    if (q && q.profit > best) best = q.profit;
  }
  return best;
}

test('no opportunity between identically priced pools', () => {
  const r = { buyBase: 10n ** 21n, buyQuote: 2n * 10n ** 21n, sellBase: 5n * 10n ** 20n, sellQuote: 10n ** 21n };
  assert.equal(optimalCycle(r), undefined);
});

test('a 2% gap is found, profitable, and consistent with its own exact quote', () => {
  const r = { buyBase: 1000n * 10n ** 18n, buyQuote: 2_000_000n * 10n ** 6n, sellBase: 1000n * 10n ** 18n, sellQuote: 1_960_000n * 10n ** 6n };
  const best = optimalCycle(r)!;
  assert.ok(best.profit > 0n);
  assert.deepEqual(quoteCycle(r, best.borrow), best);
  for (const y of [best.borrow / 2n, best.borrow * 2n, best.borrow - 1000n, best.borrow + 1000n]) {
    const q = quoteCycle(r, y);
    assert.ok(q === undefined || q.profit <= best.profit, `borrow ${y} beats the optimum`);
  }
});

test('sizing reaches the exact integer optimum within 2 raw units (brute force on small pools)', () => {
  const reserve = fc.bigInt(50n, 3000n);
  fc.assert(
    fc.property(reserve, reserve, reserve, reserve, (buyBase, buyQuote, sellBase, sellQuote) => {
      const r = { buyBase, buyQuote, sellBase, sellQuote };
      const brute = bruteForceBest(r);
      const found = optimalCycle(r);
      const got = found?.profit ?? 0n;
      assert.ok(got <= brute, `found ${got} above brute force ${brute}`);
      assert.ok(brute - got <= 2n, `found ${got}, brute force ${brute} for ${JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
    }),
    { numRuns: 300 },
  );
});

test('at realistic scale the optimum is a local maximum of the exact integer profit', () => {
  const big = fc.bigInt(10n ** 18n, 10n ** 27n);
  fc.assert(
    fc.property(big, big, fc.integer({ min: 1, max: 300 }), (base, quote, gapBp) => {
      const r = { buyBase: base, buyQuote: quote, sellBase: base, sellQuote: (quote * BigInt(10_000 - gapBp)) / 10_000n };
      const best = optimalCycle(r);
      if (!best) return;
      for (const y of [best.borrow - 1n, best.borrow + 1n, (best.borrow * 99n) / 100n, (best.borrow * 101n) / 100n]) {
        const q = quoteCycle(r, y);
        assert.ok(q === undefined || q.profit <= best.profit);
      }
    }),
    { numRuns: 200 },
  );
});

test('capped sizing: never above the cap, the free optimum when it fits, within 2 raw units of the best capped borrow (brute force)', async () => {
  const { optimalCycleCapped } = await import('../../../actors/strategies/flash-loan/two-pool-arbitrage.js');
  const reserve = fc.bigInt(50n, 3000n);
  fc.assert(
    fc.property(reserve, reserve, reserve, reserve, fc.bigInt(1n, 3000n), (buyBase, buyQuote, sellBase, sellQuote, cap) => {
      const r = { buyBase, buyQuote, sellBase, sellQuote };
      const free = optimalCycle(r);
      const capped = optimalCycleCapped(r, cap);
      if (free && free.borrow <= cap) return assert.deepEqual(capped, free);
      let brute = 0n;
      for (let y = 1n; y <= cap && y < buyQuote; y++) {
        const q = quoteCycle(r, y);
        if (q && q.profit > brute) brute = q.profit;
      }
      const got = capped?.profit ?? 0n;
      if (capped) assert.ok(capped.borrow <= cap && capped.profit > 0n, `borrow ${capped.borrow} above cap ${cap}`);
      assert.ok(got <= brute && brute - got <= 2n, `capped ${got}, brute force ${brute} under cap ${cap}`);
    }),
    { numRuns: 300 },
  );
});
