import type { MicrostructureSummary } from './microstructure-summary.js';

const num = (x: number | null) => (x === null ? '–' : Math.abs(x) >= 100 ? x.toFixed(2) : x.toPrecision(4));

/** The microstructure summary as sentences, one per measure present, as `arbiter patterns` prints them and its report shows them. */
export function describeMicrostructure(m: MicrostructureSummary): string[] {
  const lines: string[] = [];
  if (m.kyleLambda !== undefined) lines.push(m.kyleLambda === null ? "Kyle's lambda: too little data" : `Kyle's lambda ${num(m.kyleLambda.slope)} per unit of signed taker volume (t ${num(m.kyleLambda.tStat)}, R² ${num(m.kyleLambda.r2)}, n ${m.kyleLambda.n} × ${m.kyleLambda.intervalMs / 1000} s)`);
  if (m.vpin !== undefined) lines.push(m.vpin === null ? 'VPIN: too few buckets' : `VPIN last ${num(m.vpin.last)}, min ${num(m.vpin.min)}, max ${num(m.vpin.max)} (${m.vpin.buckets} buckets, window ${m.vpin.window})`);
  if (m.tradeSignAutocorrelation !== undefined) lines.push(`trade-sign autocorrelation, lags 1..: ${m.tradeSignAutocorrelation === null ? '–' : m.tradeSignAutocorrelation.map(num).join(', ')}`);
  if (m.ofi !== undefined) lines.push(m.ofi === null ? 'OFI: no book changes' : `best-level OFI per ${m.ofi.intervalMs / 1000} s: mean ${num(m.ofi.meanPerInterval)}, min ${num(m.ofi.min)}, max ${num(m.ofi.max)} over ${m.ofi.intervals} intervals`);
  if (m.spread !== undefined) lines.push(m.spread === null ? 'spread: no two-sided book' : `spread mean ${num(m.spread.mean)} (${(m.spread.meanRelative * 1e4).toFixed(2)} bp), min ${num(m.spread.min)}, max ${num(m.spread.max)} over ${m.spread.books} books`);
  if (m.depthImbalance !== undefined) lines.push(m.depthImbalance === null ? 'depth imbalance: no book' : `depth imbalance (top ${m.depthImbalance.levels}) mean ${num(m.depthImbalance.mean)}, min ${num(m.depthImbalance.min)}, max ${num(m.depthImbalance.max)}, last ${num(m.depthImbalance.last)}`);
  return lines;
}
