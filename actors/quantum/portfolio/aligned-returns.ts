import type { CandleSeries } from '../../market-data/candles/load-candles.js';
import { formatTimeframe } from '../../market-data/candles/timeframe.js';
import { InputError } from '../../runtime/errors.js';

/** Per-bar log returns of several assets on the same bars. */
export interface AlignedReturns {
  /** One name per asset (the candle file's symbol). */
  names: string[];
  timeframeMs: number;
  /** Open times every file has, ascending. */
  shared: number;
  /** Per file: bars whose open time some other file lacks. */
  dropped: number[];
  /** Consecutive shared bars more than one bar apart: no return is taken across them. */
  gapsSkipped: number;
  /** End times of the returns: returns[t] is ln(close_t / close_t-1) for bars ts[t] − one bar and ts[t]. */
  ts: number[];
  /** returns[t][i]: asset i on bar t. */
  returns: number[][];
}

/**
 * Log returns of each asset on the open times all files share, one row per bar: a return is taken only between
 * two shared bars exactly one bar apart, so every row is one bar of every asset. Files with different bar
 * lengths, or with no two consecutive shared bars, are an InputError naming the file.
 */
export function alignedReturns(series: readonly CandleSeries[]): AlignedReturns {
  const first = series[0];
  if (first === undefined) throw new InputError('no candle files');
  for (const s of series) {
    if (s.timeframeMs !== first.timeframeMs) {
      throw new InputError(`${s.file}: bars ${formatTimeframe(s.timeframeMs)} apart, ${first.file} has ${formatTimeframe(first.timeframeMs)} (candles are not resampled here)`);
    }
  }
  const closes = series.map((s) => new Map(s.candles.map((c) => [c.ts, c.close])));
  let sharedTs = [...closes[0]!.keys()].sort((a, b) => a - b);
  for (let i = 1; i < series.length; i++) {
    sharedTs = sharedTs.filter((ts) => closes[i]!.has(ts));
    if (sharedTs.length < 3) {
      const others = i === 1 ? first.file : `${first.file} and the ${i - 1} file(s) after it`;
      throw new InputError(`${series[i]!.file}: shares ${sharedTs.length} bar(s) with ${others}: too few to estimate returns`);
    }
  }
  const ts: number[] = [];
  const returns: number[][] = [];
  let gapsSkipped = 0;
  for (let k = 1; k < sharedTs.length; k++) {
    const [before, at] = [sharedTs[k - 1]!, sharedTs[k]!];
    if (at - before !== first.timeframeMs) {
      gapsSkipped++;
      continue;
    }
    ts.push(at);
    returns.push(closes.map((m) => Math.log(m.get(at)! / m.get(before)!)));
  }
  if (returns.length < 2) throw new InputError(`${series.map((s) => s.file).join(', ')}: ${returns.length} return(s) on consecutive shared bars, at least 2 needed`);
  return {
    names: series.map((s) => s.symbol),
    timeframeMs: first.timeframeMs,
    shared: sharedTs.length,
    dropped: series.map((s) => s.candles.length - sharedTs.length),
    gapsSkipped,
    ts,
    returns,
  };
}
