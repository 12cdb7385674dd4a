import { crossedTicks, learnTickNets } from './learn-tick-nets.js';
import type { PoolEvent } from './pool-events.js';
import { inferSwapAndZeroNetTicks, type SwapAttempt, type SwapKind } from './replay-swap.js';
import { NetTripleGroup } from './net-triple-group.js';
import { splitThreeNets } from './split-three-nets.js';
import { splitTickNets } from './split-tick-nets.js';
import { V3Pool } from './v3-pool.js';

export interface ReplayOptions {
  /** Fee in hundredths of a bip (500 = 0.05%). */
  fee: number;
  tickSpacing: number;
  /**
   * Search how a swap's crossings split the known sum of nets among ticks the day never separates (splitTickNets for
   * one or two, splitThreeNets for three, NetTripleGroup to choose again): the 13 swaps of the 0.05% day that cross
   * them reproduce, and the day takes ~4x longer (docs/amm.md). Off by default.
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
  /**
   * Swaps that first crossed ≥ 2 unseparated ticks, those for which a split was found (splitTickNets, or
   * splitThreeNets for three), and later swaps over a triple reproduced by choosing its split again.
   */
  splits: { searched: number; found: number; researched: number };
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

/** What one step of an EventReplay applied: the event and, for a swap, how it was replayed. */
export interface ReplayStep {
  event: PoolEvent;
  swap?: { kind: SwapKind | null; reproduced: boolean };
}

/**
 * A day of pool events replayed one at a time from the state after its first swap: each swap is inferred (exact
 * input, exact output or price-limited) and must reproduce the recorded amounts, price, tick and liquidity exactly;
 * MINT and BURN rows move liquidity through V3Pool.mint/burn. The ticks' starting liquidityNet comes from
 * learnTickNets. A swap that does not reproduce is counted and the pool resynchronised to the recorded state.
 * The first step is the first swap itself, whose state the pool starts in (kind null, reproduced).
 */
export class EventReplay {
  readonly pool: V3Pool;
  readonly report: ReplayReport;
  private readonly events: readonly PoolEvent[];
  private readonly options: ReplayOptions;
  private readonly unresolved: Map<number, number[]>;
  /** Unknown ticks no swap has crossed yet: the first that does sets (or searches for) their nets. */
  private readonly unseparated: Set<number>;
  private readonly crossedBefore = new Set<number>();
  /** Ticks of net 0 whose being initialized or not a reproduced swap has settled (until a position there changes). */
  private readonly settled = new Set<number>();
  /** Triples of ticks whose split splitThreeNets found (searchSplits): their later swaps may choose another. */
  private readonly groups: NetTripleGroup[] = [];
  private readonly start: number;
  private i: number;

  constructor(events: readonly PoolEvent[], options: ReplayOptions) {
    const start = events.findIndex((e) => e.kind === 'SWAP');
    if (start < 0) throw new RangeError('no SWAP event to start from');
    const first = events[start]!;
    const pool = new V3Pool({ sqrtPriceX96: first.sqrtPriceX96, tick: first.tick, liquidity: first.liquidity }, options);
    const learned = learnTickNets(events, options.tickSpacing);
    // A tick whose net is 0 is taken as not initialized (no position starts or ends there): the swap does not stop at it.
    for (const [tick, net] of learned.base) if (net !== 0n) pool.ticks.assume(tick, net, pool.tick, 0n, 0n);
    this.unresolved = new Map(learned.unresolved.map((eq) => [eq.event, eq.ticks.filter((t) => !learned.base.has(t))]));
    const unknown = new Set([...this.unresolved.values()].flat());
    for (const tick of unknown) pool.ticks.assume(tick, 0n, pool.tick, 0n, 0n);
    this.unseparated = new Set(unknown);
    this.events = events;
    this.options = options;
    this.pool = pool;
    this.start = start;
    this.i = start;
    this.report = {
      swaps: 0,
      reproduced: 0,
      mismatches: 0,
      firstMismatch: null,
      byKind: { exactIn: 0, exactOut: 0, priceLimited: 0 },
      inferredCrossings: 0,
      ticksInferred: learned.base.size,
      unresolvedSwaps: this.unresolved.size,
      splits: { searched: 0, found: 0, researched: 0 },
      positions: { replayed: 0, reproduced: 0 },
    };
  }

  /** The event the next step applies; undefined at the end. */
  peek(): PoolEvent | undefined {
    return this.events[this.i];
  }

  /** Applies the next event to the pool; undefined at the end. */
  next(): ReplayStep | undefined {
    const i = this.i;
    const e = this.events[i];
    if (!e) return undefined;
    this.i++;
    if (i === this.start) return { event: e, swap: { kind: null, reproduced: true } };
    if (e.kind === 'MINT' || e.kind === 'BURN') {
      this.position(e);
      return { event: e };
    }
    if (e.kind !== 'SWAP') return { event: e };
    return { event: e, swap: this.swap(e, i) };
  }

  private position(e: PoolEvent): void {
    const { pool, report, settled } = this;
    const grossNeeded = e.kind === 'BURN' ? e.positionLiquidity! : 0n;
    for (const t of [e.tickLower!, e.tickUpper!]) if ((pool.ticks.get(t)?.liquidityGross ?? 0n) < grossNeeded) pool.ticks.assume(t, 0n, pool.tick, pool.feeGrowthGlobal0X128, pool.feeGrowthGlobal1X128);
    const amounts = e.kind === 'MINT' ? pool.mint(e.tickLower!, e.tickUpper!, e.positionLiquidity!) : pool.burn(e.tickLower!, e.tickUpper!, e.positionLiquidity!);
    settled.delete(e.tickLower!);
    settled.delete(e.tickUpper!);
    report.positions.replayed++;
    if (amounts.amount0 === e.amount0 && amounts.amount1 === e.amount1) report.positions.reproduced++;
  }

  private swap(e: PoolEvent, i: number): { kind: SwapKind | null; reproduced: boolean } {
    const { pool, report, options, settled, unseparated, crossedBefore } = this;
    report.swaps++;
    const crossed = crossedTicks(pool.tick, e.tick, options.tickSpacing);
    if (crossed.some((t) => !crossedBefore.has(t))) report.inferredCrossings++;
    for (const t of crossed) crossedBefore.add(t);
    const zeroNet = () => crossed.filter((t) => (pool.ticks.get(t)?.liquidityNet ?? 0n) === 0n && !settled.has(t));
    const open = crossed.filter((t) => unseparated.has(t));
    let found: SwapAttempt | undefined;
    let keptBy: NetTripleGroup | undefined;
    if (open.length > 0) {
      // What the crossings must add to the liquidity, less what the pool already has at the crossed ticks.
      let sum = e.tick < pool.tick ? pool.liquidity - e.liquidity : e.liquidity - pool.liquidity;
      for (const t of crossed) if (pool.ticks.isInitialized(t)) sum -= pool.ticks.get(t)?.liquidityNet ?? 0n;
      if (open.length === 1) {
        pool.ticks.get(open[0]!)!.liquidityNet += sum;
        unseparated.delete(open[0]!);
      } else if (options.searchSplits) {
        report.splits.searched++;
        found = splitTickNets(pool, e, crossed, open, sum, zeroNet)?.match;
        if (!found && open.length >= 3) {
          const triple = this.searchTriples(e, crossed, open, sum);
          found = triple?.match;
          keptBy = triple?.group;
        }
        if (found) {
          report.splits.found++;
          for (const t of open) unseparated.delete(t);
        }
      }
    }
    let { match, attempts } = found ? { match: found, attempts: [found] } : inferSwapAndZeroNetTicks(pool, e, zeroNet());
    if (match) for (const t of zeroNet()) settled.add(t);
    if (options.searchSplits && this.groups.length > 0) {
      // A swap over a triple's ticks that its split in use does not reproduce may choose another in the triple's band.
      for (const g of this.groups) {
        if (match || !g.covers(crossed)) continue;
        match = g.research(pool, e, crossed);
        if (match) {
          attempts = [match];
          keptBy = g;
          report.splits.researched++;
        }
      }
      if (match) for (const g of this.groups) if (g !== keptBy && g.touches(crossed)) g.keep(pool, e, match);
    }
    if (match) {
      report.reproduced++;
      report.byKind[match.kind]++;
      pool.applySwap(match.params.zeroForOne, match.result!);
    } else {
      report.mismatches++;
      report.firstMismatch ??= mismatch(e, attempts, this.unresolved.get(i) ?? []);
      for (const t of crossed) pool.ticks.cross(t, pool.feeGrowthGlobal0X128, pool.feeGrowthGlobal1X128);
      pool.sqrtPriceX96 = e.sqrtPriceX96;
      pool.tick = e.tick;
      pool.liquidity = e.liquidity;
    }
    return { kind: match?.kind ?? null, reproduced: match !== undefined };
  }

  /** Every triple of the unknown ticks (in crossing order, the others at 0) through splitThreeNets; the first found stays in the pool. */
  private searchTriples(e: PoolEvent, crossed: readonly number[], open: readonly number[], sum: bigint): { group: NetTripleGroup; match: SwapAttempt } | undefined {
    for (let i = 0; i < open.length; i++)
      for (let j = i + 1; j < open.length; j++)
        for (let k = j + 1; k < open.length; k++) {
          const triple = { a: open[i]!, b: open[j]!, c: open[k]!, sum };
          const split = splitThreeNets(this.pool, e, crossed, triple);
          if (!split) continue;
          const group = new NetTripleGroup(triple, this.pool, e, split);
          group.apply(this.pool, 1n);
          this.groups.push(group);
          return { group, match: split.match };
        }
    return undefined;
  }
}

/** Replays the whole day (EventReplay), calling `onEvent` after each event from the first swap on. */
export function replayEvents(events: readonly PoolEvent[], options: ReplayOptions, onEvent?: OnEvent): ReplayReport {
  const replay = new EventReplay(events, options);
  for (let step = replay.next(); step; step = replay.next()) onEvent?.(step.event, replay.pool, step.swap);
  return replay.report;
}
