import { usdRange } from '../../../amm/lp/usd-prices.js';
import { thin } from '../../../amm/lp/report/thin.js';
import type { LpTimeline } from '../lp-timeline.js';

/** A price range drawn over the time it was open: null outside it. */
export interface RangeSeries {
  label: string;
  passive: boolean;
  lower: (number | null)[];
  upper: (number | null)[];
}

/** The arrays the LP report's two charts draw, thinned to at most `max` points. */
export interface LpChartData {
  ts: number[];
  price: number[];
  ranges: RangeSeries[];
  /** The price where a position opened or closed, at the first sample at or after it; null elsewhere. */
  opened: (number | null)[];
  closed: (number | null)[];
  strategy: number[];
  passive: number[];
  hold: number[];
}

/** The charts' data from a backtest's timeline; `passive` is the passive position's ticks (opened with the first round). */
export function lpChartData(timeline: LpTimeline, passive: { tickLower: number; tickUpper: number } | null, max = 2_000): LpChartData {
  const s = thin(timeline.samples, max);
  const ts = s.map((x) => x.ts);
  const end = ts.at(-1) ?? 0;
  const at = (t: number) => {
    const i = ts.findIndex((x) => x >= t);
    return i < 0 ? ts.length - 1 : i;
  };
  const over = (from: number, to: number, v: number) => ts.map((t) => (t >= from && t <= to ? v : null));
  const range = (label: string, isPassive: boolean, tickLower: number, tickUpper: number, from: number, to: number): RangeSeries => {
    const { lower, upper } = usdRange(tickLower, tickUpper);
    return { label, passive: isPassive, lower: over(from, to, lower), upper: over(from, to, upper) };
  };
  const rounds = timeline.rounds;
  const ranges = rounds.map((r, i) => range(`#${i + 1}`, false, r.tickLower, r.tickUpper, r.openedTs, r.closedTs ?? end));
  if (passive && rounds[0]) ranges.push(range('passive', true, passive.tickLower, passive.tickUpper, rounds[0].openedTs, end));
  const opened: (number | null)[] = ts.map(() => null);
  const closed: (number | null)[] = ts.map(() => null);
  for (const r of rounds) {
    opened[at(r.openedTs)] = r.openPriceUsd;
    if (r.closedTs !== null) closed[at(r.closedTs)] = r.closePriceUsd;
  }
  return {
    ts,
    price: s.map((x) => x.priceUsd),
    ranges,
    opened,
    closed,
    strategy: s.map((x) => x.strategyUsd),
    passive: s.map((x) => x.passiveUsd),
    hold: s.map((x) => x.holdUsd),
  };
}
