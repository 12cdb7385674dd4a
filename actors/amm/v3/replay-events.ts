import { crossedTicks, learnTickNets } from './learn-tick-nets.js';
import type { PoolEvent } from './pool-events.js';
import { inferSwapAndZeroNetTicks, type SwapAttempt, type SwapKind } from './replay-swap.js';
import { splitTickNets } from './split-tick-nets.js';
import { V3Pool } from './v3-pool.js';

export interface ReplayOptions {
  /** Fee in hundredths of a bip (500 = 0.05%). */
  fee: number;
  tickSpacing: number;
  /**
   * Search how a swap's crossings split the known sum of nets among ticks the day never separates (splitTickNets):
   * 7 more swaps of the 0.05% day reproduce, and the day takes ~5x longer (docs/amm.md). Off by default.
   */
  searchSplits?: boolean;
}

export interface SwapMismatch {
  line: number;
  transactionHash: string;
  recorded: { amount0: string; amount1: string; sqrtPriceX96: string; tick: number; liquidity: string };
  /** The closest attempt (exact input unless it reverted), or why every attempt reverted. */
  replayed: { kind: SwapKind; amount0: string; amount1: string; sqrtPriceX96: string; tick: number; liquidity: string } | { error: string };
  /** The ticks the swap crossed whose starting liquidityNet the day does not pin down. */
  unknownTicks: number[];
}

export interface ReplayReport {
  /** Swaps checked: all but the first, whose prior state is not in the file. */
  swaps: number;
  reproduced: number;
  mismatches: number;
  firstMismatch: SwapMismatch | null;
  byKind: Record<SwapKind, number>;
  /** Swaps that crossed a tick for the first time in the day: its liquidityNet there was inferred, not checked. */
  inferredCrossings: number;
  /** Ticks whose starting liquidityNet was inferred from the recorded liquidity; swaps that crossed ≥ 2 ticks the day cannot separate. */
  ticksInferred: number;
  unresolvedSwaps: number;
  /** Swaps that first crossed ≥ 2 unseparated ticks, and those for which splitTickNets found the split. */
  splits: { searched: number; found: number };
  /** MINT/BURN rows whose amounts our maths reproduced, of those replayed. */
  positions: { replayed: number; reproduced: number };
}

/** What a callback sees after each event: the event, the pool state after it, and for swaps how it was replayed. */
export type OnEvent = (event: PoolEvent, pool: V3Pool, swap?: { kind: SwapKind | null; reproduced: boolean }) => void;

const text = (r: { amount0: bigint; amount1: bigint; sqrtPriceX96: bigint; tick: number; liquidity: bigint }) => ({
  amount0: r.amount0.toString(),
  amount1: r.amount1.toString(),
  sqrtPriceX96: r.sqrtPriceX96.toString(),
  tick: r.tick,
  liquidity: r.liquidity.toString(),
});

function mismatch(e: PoolEvent, attempts: SwapAttempt[], unknownTicks: number[]): SwapMismatch {
  const best = attempts.find((a) => a.result);
  return {
    line: e.line,
    transactionHash: e.transactionHash,
    recorded: text(e),
    replayed: best ? { kind: best.kind, ...text(best.result!) } : { error: attempts.map((a) => `${a.kind}: ${a.error}`).join('; ') },
    unknownTicks,
  };
}

/**
 * Replays a day of pool events from the state after its first swap: each swap is inferred (exact input, exact
 * output or price-limited) and must reproduce the recorded amounts, price, tick and liquidity exactly; MINT and BURN
 * rows move liquidity through V3Pool.mint/burn. The ticks' starting liquidityNet comes from learnTickNets.
 * A swap that does not reproduce is counted and the pool resynchronised to the recorded state.
 */
export function replayEvents(events: readonly PoolEvent[], options: ReplayOptions, onEvent?: OnEvent): ReplayReport {
  const start = events.findIndex((e) => e.kind === 'SWAP');
  if (start < 0) throw new RangeError('no SWAP event to start from');
  const first = events[start]!;
  const pool = new V3Pool({ sqrtPriceX96: first.sqrtPriceX96, tick: first.tick, liquidity: first.liquidity }, options);
  const learned = learnTickNets(events, options.tickSpacing);
  // A tick whose net is 0 is taken as not initialized (no position starts or ends there): the swap does not stop at it.
  for (const [tick, net] of learned.base) if (net !== 0n) pool.ticks.assume(tick, net, pool.tick, 0n, 0n);
  const unresolved = new Map(learned.unresolved.map((eq) => [eq.event, eq.ticks.filter((t) => !learned.base.has(t))]));
  const unknown = new Set([...unresolved.values()].flat());
  for (const tick of unknown) pool.ticks.assume(tick, 0n, pool.tick, 0n, 0n);
  /** Unknown ticks no swap has crossed yet: the first that does sets (or searches for) their nets. */
  const unseparated = new Set(unknown);

  const report: ReplayReport = {
    swaps: 0,
    reproduced: 0,
    mismatches: 0,
    firstMismatch: null,
    byKind: { exactIn: 0, exactOut: 0, priceLimited: 0 },
    inferredCrossings: 0,
    ticksInferred: learned.base.size,
    unresolvedSwaps: unresolved.size,
    splits: { searched: 0, found: 0 },
    positions: { replayed: 0, reproduced: 0 },
  };
  const crossedBefore = new Set<number>();
  /** Ticks of net 0 whose being initialized or not a reproduced swap has settled (until a position there changes). */
  const settled = new Set<number>();
  onEvent?.(first, pool, { kind: null, reproduced: true });
  for (let i = start + 1; i < events.length; i++) {
    const e = events[i]!;
    if (e.kind === 'MINT' || e.kind === 'BURN') {
      const grossNeeded = e.kind === 'BURN' ? e.positionLiquidity! : 0n;
      for (const t of [e.tickLower!, e.tickUpper!]) if ((pool.ticks.get(t)?.liquidityGross ?? 0n) < grossNeeded) pool.ticks.assume(t, 0n, pool.tick, pool.feeGrowthGlobal0X128, pool.feeGrowthGlobal1X128);
      const amounts = e.kind === 'MINT' ? pool.mint(e.tickLower!, e.tickUpper!, e.positionLiquidity!) : pool.burn(e.tickLower!, e.tickUpper!, e.positionLiquidity!);
      settled.delete(e.tickLower!);
      settled.delete(e.tickUpper!);
      report.positions.replayed++;
      if (amounts.amount0 === e.amount0 && amounts.amount1 === e.amount1) report.positions.reproduced++;
      onEvent?.(e, pool);
      continue;
    }
    if (e.kind !== 'SWAP') {
      onEvent?.(e, pool);
      continue;
    }
    report.swaps++;
    const crossed = crossedTicks(pool.tick, e.tick, options.tickSpacing);
    if (crossed.some((t) => !crossedBefore.has(t))) report.inferredCrossings++;
    for (const t of crossed) crossedBefore.add(t);
    const zeroNet = () => crossed.filter((t) => (pool.ticks.get(t)?.liquidityNet ?? 0n) === 0n && !settled.has(t));
    const open = crossed.filter((t) => unseparated.has(t));
    let found: SwapAttempt | undefined;
    if (open.length > 0) {
      // What the crossings must add to the liquidity, less what the pool already has at the crossed ticks.
      let sum = e.tick < pool.tick ? pool.liquidity - e.liquidity : e.liquidity - pool.liquidity;
      for (const t of crossed) if (pool.ticks.isInitialized(t)) sum -= pool.ticks.get(t)?.liquidityNet ?? 0n;
      if (open.length === 1) {
        pool.ticks.get(open[0]!)!.liquidityNet += sum;
        unseparated.delete(open[0]!);
      } else if (options.searchSplits) {
        report.splits.searched++;
        const split = splitTickNets(pool, e, crossed, open, sum, zeroNet);
        if (split) {
          report.splits.found++;
          found = split.match;
          for (const t of open) unseparated.delete(t);
        }
      }
    }
    const { match, attempts } = found ? { match: found, attempts: [found] } : inferSwapAndZeroNetTicks(pool, e, zeroNet());
    if (match) for (const t of zeroNet()) settled.add(t);
    if (match) {
      report.reproduced++;
      report.byKind[match.kind]++;
      pool.applySwap(match.params.zeroForOne, match.result!);
    } else {
      report.mismatches++;
      report.firstMismatch ??= mismatch(e, attempts, unresolved.get(i) ?? []);
      for (const t of crossed) pool.ticks.cross(t, pool.feeGrowthGlobal0X128, pool.feeGrowthGlobal1X128);
      pool.sqrtPriceX96 = e.sqrtPriceX96;
      pool.tick = e.tick;
      pool.liquidity = e.liquidity;
    }
    onEvent?.(e, pool, { kind: match?.kind ?? null, reproduced: match !== undefined });
  }
  return report;
}
