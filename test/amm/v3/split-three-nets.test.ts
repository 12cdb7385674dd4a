import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossedTicks } from '../../../actors/amm/v3/learn-tick-nets.js';
import { readPoolEvents } from '../../../actors/amm/v3/pool-events.js';
import { EventReplay } from '../../../actors/amm/v3/replay-events.js';
import { inferSwap, matchesEvent } from '../../../actors/amm/v3/replay-swap.js';
import { splitThreeNets } from '../../../actors/amm/v3/split-three-nets.js';

const POOL_500 = 'data/dex/uniswap_v3_usdc_weth_500_0x88e6_2024-01-05_events.csv';

test('line 4377: three ticks the day never separates; a split of their sum reproduces the swap, net 0 does not', () => {
  const events = readPoolEvents(POOL_500);
  const replay = new EventReplay(events, { fee: 500, tickSpacing: 10, searchSplits: true });
  while (replay.peek()!.line !== 4377) replay.next();
  const e = replay.peek()!;
  const pool = replay.pool;
  const crossed = crossedTicks(pool.tick, e.tick, 10);
  assert.deepEqual(crossed, [199280, 199290, 199300, 199310, 199320, 199330, 199340]);
  for (const t of [199320, 199330, 199340]) assert.equal(pool.ticks.get(t)!.liquidityNet, 0n);
  assert.equal(inferSwap(pool, e).match, undefined);
  let sum = e.liquidity - pool.liquidity;
  for (const t of crossed) sum -= pool.ticks.get(t)!.liquidityNet;
  assert.equal(sum, -226283862185873481n);

  const split = splitThreeNets(pool, e, crossed, { a: 199320, b: 199330, c: 199340, sum });
  assert.ok(split);
  assert.equal(split.match.kind, 'priceLimited');
  assert.deepEqual([split.x, split.y], [3411972962875784n, 2536515749033995615n]);
  assert.ok(matchesEvent(split.match.result!, e));
  // The pool is left as it was.
  for (const t of [199320, 199330, 199340]) assert.equal(pool.ticks.get(t)!.liquidityNet, 0n);
  // One unit of liquidity moved from 199330 to 199340 is not exact.
  const first: [number, bigint][] = [
    [199320, split.x],
    [199330, split.y - 1n],
    [199340, sum - split.x - split.y + 1n],
  ];
  for (const [t, n] of first) pool.ticks.get(t)!.liquidityNet = n;
  assert.equal(inferSwap(pool, e).match, undefined);

  // The nets the day ends with (chosen again at line 4380, then exact for 4414, 4416, 4428 and 4430) reproduce it too.
  const nets: [number, bigint][] = [
    [199320, 3411985415146628n],
    [199330, 2536515724135678195n],
    [199340, -2766211571736698304n],
  ];
  assert.equal(
    nets.reduce((s, [, n]) => s + n, 0n),
    sum
  );
  for (const [t, n] of nets) pool.ticks.get(t)!.liquidityNet = n;
  // (With them its exact input of 758.04 WETH is exact too, which the replay tries first.)
  const { match } = inferSwap(pool, e);
  assert.equal(match?.kind, 'exactIn');
  assert.equal(match.result!.amount0, -1674549462895n);
  pool.ticks.get(199330)!.liquidityNet -= 1n;
  pool.ticks.get(199340)!.liquidityNet += 1n;
  assert.equal(inferSwap(pool, e).match, undefined);
});
