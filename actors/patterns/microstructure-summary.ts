import type { BookTape } from '../features/inputs/book-tape.js';
import type { TradeTape } from '../features/inputs/trade-tape.js';
import { topOfBookSeries } from './microstructure/book-series.js';
import { bulkClassify, timeBars } from './microstructure/bulk-volume.js';
import { flowIntervals, kyleLambda } from './microstructure/kyle-lambda.js';
import { ofiByInterval } from './microstructure/ofi-by-interval.js';
import { depthImbalance, spread } from './microstructure/spread-depth.js';
import { tradeSignAutocorrelation } from './microstructure/trade-sign-autocorrelation.js';
import { fillVolumeBuckets } from './microstructure/volume-buckets.js';
import { vpinSeries } from './microstructure/vpin.js';

/** The fixed settings of the summary (docs/patterns.md, "Microstructure summary"). */
export const MICROSTRUCTURE_DEFAULTS = {
  /** Book levels kept per side, and summed for the depth imbalance. */
  levels: 5,
  /** Interval of Kyle's lambda and of the order-flow imbalance. */
  intervalMs: 5000,
  /** VPIN: time bars classified by bulk volume, the recording's volume cut into this many buckets, averaged over a window. */
  vpinBarMs: 1000,
  vpinBuckets: 50,
  vpinWindow: 10,
  /** Lags 1..k of the trade-sign autocorrelation. */
  signLags: 5,
} as const;

interface Range {
  mean: number;
  min: number;
  max: number;
  last: number;
}

export interface MicrostructureSummary {
  /** Books and trades: the OLS slope of the mid change on signed taker volume per interval (price per base unit). */
  kyleLambda?: { slope: number; tStat: number | null; r2: number; n: number; intervalMs: number } | null;
  /** Trades: VPIN over the last `window` buckets, after each bucket from the window-th on. */
  vpin?: { last: number; min: number; max: number; buckets: number; window: number } | null;
  /** Books: best-level order-flow imbalance summed per interval (base units). */
  ofi?: { intervalMs: number; intervals: number; total: number; meanPerInterval: number; min: number; max: number } | null;
  /** Books: best ask − best bid after every book change. */
  spread?: (Range & { books: number; meanRelative: number }) | null;
  /** Books: (bid − ask)/(bid + ask) of the sizes on the top `levels` levels after every book change. */
  depthImbalance?: (Range & { levels: number }) | null;
  /** Trades: sample autocorrelation of the ±1 taker signs at lags 1..k. */
  tradeSignAutocorrelation?: number[] | null;
}

/**
 * Microstructure measures of a book recording and/or a trade recording, each with the fixed settings of
 * MICROSTRUCTURE_DEFAULTS; only the parts whose data is given are present (Kyle's lambda needs both, over the span
 * both cover). A part whose data is too short to measure is null.
 */
export function summarizeMicrostructure(input: { books?: BookTape; trades?: TradeTape }): MicrostructureSummary {
  const d = MICROSTRUCTURE_DEFAULTS;
  const out: MicrostructureSummary = {};
  const series = input.books === undefined ? undefined : topOfBookSeries(input.books, d.levels);
  if (input.books !== undefined && input.trades !== undefined && series !== undefined) {
    const from = Math.max(input.books.from, input.trades.from);
    const to = Math.min(input.books.to, input.trades.to);
    const fit = to > from ? kyleLambda(flowIntervals(input.trades.trades, series, { from, to, intervalMs: d.intervalMs })) : null;
    out.kyleLambda = fit === null ? null : { slope: fit.slope, tStat: fit.tStat, r2: fit.rSquared, n: fit.n, intervalMs: d.intervalMs };
  }
  if (input.trades !== undefined) {
    const trades = input.trades.trades;
    const total = trades.reduce((a, t) => a + t.qty, 0);
    const buckets = total > 0 ? fillVolumeBuckets(bulkClassify(timeBars(trades, d.vpinBarMs)), total / d.vpinBuckets) : [];
    const vpins = vpinSeries(buckets, d.vpinWindow);
    out.vpin = vpins.length === 0 ? null : { last: vpins[vpins.length - 1]!, min: Math.min(...vpins), max: Math.max(...vpins), buckets: buckets.length, window: d.vpinWindow };
    out.tradeSignAutocorrelation = trades.length > d.signLags ? tradeSignAutocorrelation(trades, d.signLags) : null;
  }
  if (series !== undefined && input.books !== undefined) {
    const ofi = ofiByInterval(series, { from: input.books.from, intervalMs: d.intervalMs, levels: 1 }).map((o) => o.ofi[0]!);
    const total = ofi.reduce((a, b) => a + b, 0);
    out.ofi = ofi.length === 0 ? null : { intervalMs: d.intervalMs, intervals: ofi.length, total, meanPerInterval: total / ofi.length, min: Math.min(...ofi), max: Math.max(...ofi) };
    const spreads = series.flatMap((b) => spread(b) ?? []);
    const absolute = range(spreads.map((s) => s.absolute));
    out.spread = absolute === null ? null : { ...absolute, books: spreads.length, meanRelative: mean(spreads.map((s) => s.relative)) };
    const imbalance = range(series.flatMap((b) => depthImbalance(b, d.levels) ?? []));
    out.depthImbalance = imbalance === null ? null : { ...imbalance, levels: d.levels };
  }
  return out;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function range(xs: readonly number[]): Range | null {
  if (xs.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { mean: mean(xs), min, max, last: xs[xs.length - 1]! };
}
