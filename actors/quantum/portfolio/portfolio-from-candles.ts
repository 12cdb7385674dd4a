import { loadCandles } from '../../market-data/candles/load-candles.js';
import { formatTimeframe } from '../../market-data/candles/timeframe.js';
import { alignedReturns } from './aligned-returns.js';
import { estimateMoments, type Moments } from './moments.js';
import { scenarioMean } from './scenario-mean.js';

const YEAR_MS = 365 * 86_400_000;

/** Where μ and Σ came from: the bars used and dropped, the units, and whether μ is a scenario mean. */
export interface ReturnsSummary {
  files: string[];
  timeframe: string;
  /** Returns per asset the estimate used. */
  returns: number;
  sharedBars: number;
  droppedBars: number[];
  gapsSkipped: number;
  from: number;
  to: number;
  /** `bar`: μ per bar and Σ of per-bar returns; `year`: both × bars per year (365 days of bars). */
  per: 'bar' | 'year';
  /** With scenarios: their count and seed, and each asset's spread of μ across them. */
  scenarios: { count: number; seed: number; spread: number[] } | null;
}

/**
 * μ and Σ of the per-bar log returns of candle files on the bars they share (see alignedReturns), optionally
 * annualised, and optionally with μ replaced by the mean over seeded bootstrap scenarios (see scenarioMean).
 */
export function portfolioFromCandles(
  files: readonly string[],
  options: { annualize?: boolean; scenarios?: number; seed: number },
): { names: string[]; moments: Moments; summary: ReturnsSummary } {
  const aligned = alignedReturns(files.map(loadCandles));
  const periodsPerYear = options.annualize ? YEAR_MS / aligned.timeframeMs : 1;
  const moments = estimateMoments(aligned.returns, { periodsPerYear });
  let scenarios: ReturnsSummary['scenarios'] = null;
  if (options.scenarios) {
    const s = scenarioMean(aligned.returns, { scenarios: options.scenarios, seed: options.seed });
    moments.mu = s.mu.map((m) => m * periodsPerYear);
    scenarios = { count: options.scenarios, seed: options.seed, spread: s.spread.map((x) => x * periodsPerYear) };
  }
  return {
    names: aligned.names,
    moments,
    summary: {
      files: [...files],
      timeframe: formatTimeframe(aligned.timeframeMs),
      returns: aligned.returns.length,
      sharedBars: aligned.shared,
      droppedBars: aligned.dropped,
      gapsSkipped: aligned.gapsSkipped,
      from: aligned.ts[0]! - aligned.timeframeMs,
      to: aligned.ts[aligned.ts.length - 1]!,
      per: options.annualize ? 'year' : 'bar',
      scenarios,
    },
  };
}
