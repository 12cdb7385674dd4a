import type { PoolEvent } from './pool-events.js';

/** Σ base(t) over `ticks` = `sum`: what one swap's recorded liquidity says about the ticks it crossed. */
export interface CrossingEquation {
  /** Index of the swap in the events. */
  event: number;
  ticks: number[];
  sum: bigint;
}

export interface LearnedTickNets {
  /** liquidityNet of each tick as it stood when the replay starts (at the first swap), where the day pins it down. */
  base: Map<number, bigint>;
  /** Swaps whose crossings the recorded liquidity cannot split between two or more unknown ticks. */
  unresolved: CrossingEquation[];
  /** Swaps whose recorded liquidity contradicts what was already known (should be none). */
  conflicts: { event: number; expected: bigint; recorded: bigint }[];
}

/** Spaced ticks a swap from `from` to `to` (current ticks) crossed: (to, from] going down, (from, to] going up. */
export function crossedTicks(from: number, to: number, tickSpacing: number): number[] {
  const ticks: number[] = [];
  if (to < from) for (let t = Math.floor(from / tickSpacing) * tickSpacing; t > to; t -= tickSpacing) ticks.push(t);
  else for (let t = Math.floor(from / tickSpacing) * tickSpacing + tickSpacing; t <= to; t += tickSpacing) ticks.push(t);
  return ticks;
}

/** A swap takes token0 in (moves the price down) when it is paid token0, or pays token1 out. */
export function isZeroForOne(e: PoolEvent): boolean {
  return e.amount0 > 0n || (e.amount0 === 0n && e.amount1 < 0n);
}

/**
 * The starting liquidityNet of the ticks the day's swaps cross, from liquidity bookkeeping alone: every swap
 * changes the active liquidity by the signed sum of the nets it crosses (the day's MINT/BURN rows add known parts),
 * which pins a tick down when it is the only unknown one crossed; solved to a fixed point over the whole day.
 */
export function learnTickNets(events: readonly PoolEvent[], tickSpacing: number): LearnedTickNets {
  const start = events.findIndex((e) => e.kind === 'SWAP');
  const today = new Map<number, bigint>();
  const equations: CrossingEquation[] = [];
  const conflicts: LearnedTickNets['conflicts'] = [];
  let liquidity = events[start]!.liquidity;
  let tick = events[start]!.tick;
  for (let i = start + 1; i < events.length; i++) {
    const e = events[i]!;
    if (e.kind === 'MINT' || e.kind === 'BURN') {
      const d = e.kind === 'MINT' ? e.positionLiquidity! : -e.positionLiquidity!;
      today.set(e.tickLower!, (today.get(e.tickLower!) ?? 0n) + d);
      today.set(e.tickUpper!, (today.get(e.tickUpper!) ?? 0n) - d);
      if (e.tickLower! <= tick && tick < e.tickUpper!) liquidity += d;
    } else if (e.kind === 'SWAP') {
      const ticks = crossedTicks(tick, e.tick, tickSpacing);
      const down = e.tick < tick;
      let sum = down ? liquidity - e.liquidity : e.liquidity - liquidity;
      for (const t of ticks) sum -= today.get(t) ?? 0n;
      if (ticks.length > 0) equations.push({ event: i, ticks, sum });
      else if (sum !== 0n) conflicts.push({ event: i, expected: liquidity, recorded: e.liquidity });
      liquidity = e.liquidity;
      tick = e.tick;
    }
  }
  const base = new Map<number, bigint>();
  let open = equations;
  for (let progress = true; progress; ) {
    progress = false;
    const next: CrossingEquation[] = [];
    for (const eq of open) {
      const unknown = eq.ticks.filter((t) => !base.has(t));
      const known = eq.ticks.reduce((s, t) => s + (base.get(t) ?? 0n), 0n);
      if (unknown.length === 1) {
        base.set(unknown[0]!, eq.sum - known);
        progress = true;
      } else if (unknown.length === 0) {
        if (known !== eq.sum) conflicts.push({ event: eq.event, expected: known, recorded: eq.sum });
      } else next.push(eq);
    }
    open = next;
  }
  return { base, unresolved: open, conflicts };
}
