import { mean } from '../../ledger/metrics/stats.js';
import type { Candle } from '../../market-data/types.js';
import { seededRandom } from '../../runtime/random.js';
import type { ScannedPattern } from '../scan-patterns.js';
import type { Direction } from '../swing-point.js';
import { stationaryBlockLength } from './block-length.js';
import { bootstrapDifferences } from './bootstrap-differences.js';
import { forwardLogReturns } from './forward-returns.js';
import { quantileSorted } from './quantile.js';
import { verdict, type Verdict } from './verdict.js';

export const CI_METHOD = 'stationary bootstrap (Politis & Romano 1994), percentile interval; mean block length by Politis & White (2004), at least the horizon';

export interface EvaluationOptions {
  /** Forward horizons in bars; default [10]. */
  horizons?: readonly number[];
  /** Fewer entries than this: 'too few', no verdict (default 10). */
  minCount?: number;
  /** Of each interval (default 0.95). */
  confidence?: number;
  /** Bootstrap draws per horizon (default 10,000). */
  replicates?: number;
  /** Seed of the bootstrap's generator (default 13); each horizon starts from it. */
  seed?: number;
}

export const EVALUATION_DEFAULTS = { horizons: [10], minCount: 10, confidence: 0.95, replicates: 10_000, seed: 13 } as const;

/** Every bar as an entry, over one horizon: what a pattern's forward return is measured against. */
export interface HorizonBaseline {
  horizon: number;
  /** Bars with a forward return. */
  entries: number;
  /** Mean forward log return of every such bar. */
  meanReturn: number;
  /** Share of them above 0 (below 0: `downShare`). */
  upShare: number;
  downShare: number;
  /** Stationary-bootstrap mean block length used at this horizon, in bars. */
  meanBlock: number;
  /** Patterns not counted: confirmed fewer than `horizon` bars before the data ends, or with a gap in the window. */
  dropped: { pastEnd: number; gap: number };
}

/** One kind (family + name + direction) of pattern at one horizon. Returns are log returns; "signed" is × −1 for bearish. */
export interface KindEvaluation {
  family: ScannedPattern['family'];
  name: string;
  direction: Direction;
  horizon: number;
  /** Patterns of this kind counted (their forward window lies in the data). */
  n: number;
  /** Patterns of this kind not counted: window past the data or across a gap. */
  dropped: number;
  /** Mean forward return after the confirming bar's close, as measured; null when n = 0. */
  meanReturn: number | null;
  /** The same, signed by direction: positive is in the pattern's favour. */
  signedReturn: number | null;
  /** Mean forward return of every bar, signed by this kind's direction. */
  unconditional: number;
  /** signedReturn − unconditional. */
  difference: number | null;
  /** Confidence interval of `difference`; null below 2 entries (one entry's draws only vary the unconditional mean). */
  ci: [number, number] | null;
  /** The same at the Bonferroni-adjusted confidence (see PatternEvaluation.method). */
  ciAdjusted: [number, number] | null;
  /** Share of signed forward returns above 0. */
  hitRate: number | null;
  /** Share of every bar's signed forward return above 0. */
  unconditionalHitRate: number;
  verdict: Verdict;
  verdictAdjusted: Verdict;
}

export interface PatternEvaluation {
  bars: number;
  returns: 'log';
  method: {
    ci: string;
    replicates: number;
    seed: number;
    confidence: number;
    minCount: number;
    /** Kinds × horizons with at least minCount entries: the comparisons the Bonferroni adjustment divides among. */
    tests: number;
    /** 1 − (1 − confidence) / tests. */
    adjustedConfidence: number;
  };
  horizons: HorizonBaseline[];
  kinds: KindEvaluation[];
  /** Rows whose verdict is 'edge', at the confidence and after Bonferroni. */
  edges: number;
  edgesAdjusted: number;
}

const FAMILY_ORDER = ['harmonic', 'elliott', 'wyckoff'];
/** What the evaluation reads of a pattern: its kind, the direction it is judged in, and the bar that completed it. */
export type EvaluatedPattern = Pick<ScannedPattern, 'family' | 'name' | 'direction' | 'confirmedAt'>;

const kindKey = (p: Pick<ScannedPattern, 'family' | 'name' | 'direction'>) => `${p.family}|${p.name}|${p.direction}`;

/**
 * The forward return after each kind of pattern against every bar's over the same horizon, on the same candles.
 * Entry is the close of the bar whose open time is the pattern's `confirmedAt`; the forward return over h bars is
 * ln(close[i+h] / close[i]). Intervals of the difference come from a stationary bootstrap of the bar sequence
 * (bootstrap-differences.ts), so overlapping windows and clustered volatility widen them as they should.
 */
export function evaluatePatterns(candles: readonly Candle[], timeframeMs: number, patterns: readonly EvaluatedPattern[], opts: EvaluationOptions = {}): PatternEvaluation {
  const { horizons, minCount, confidence, replicates, seed } = { ...EVALUATION_DEFAULTS, ...opts };
  for (const h of horizons) if (h >= candles.length) throw new RangeError(`horizon ${h} bars: the data has only ${candles.length}`);
  const barOf = new Map(candles.map((c, i) => [c.ts, i]));
  const kinds = [...new Map(patterns.map((p) => [kindKey(p), { family: p.family, name: p.name, direction: p.direction }])).values()].sort(
    (a, b) => FAMILY_ORDER.indexOf(a.family) - FAMILY_ORDER.indexOf(b.family) || a.name.localeCompare(b.name) || a.direction.localeCompare(b.direction),
  );
  const kindIndex = new Map(kinds.map((k, i) => [kindKey(k), i]));

  const baselines: HorizonBaseline[] = [];
  const rows: (Omit<KindEvaluation, 'ci' | 'ciAdjusted' | 'verdict' | 'verdictAdjusted'> & { draws: Float64Array })[] = [];
  for (const horizon of horizons) {
    const returns = forwardLogReturns(candles, horizon, timeframeMs);
    const entries = kinds.map(() => [] as number[]);
    const dropped = { pastEnd: 0, gap: 0 };
    const droppedByKind = kinds.map(() => 0);
    for (const p of patterns) {
      const bar = barOf.get(p.confirmedAt);
      if (bar === undefined) throw new RangeError(`${p.family} ${p.name} confirmed at ${p.confirmedAt}: no bar opens then`);
      const k = kindIndex.get(kindKey(p))!;
      if (!Number.isNaN(returns[bar]!)) entries[k]!.push(bar);
      else {
        droppedByKind[k]!++;
        if (bar + horizon >= candles.length) dropped.pastEnd++;
        else dropped.gap++;
      }
    }
    const all = [...returns].filter((r) => !Number.isNaN(r));
    const meanAll = mean(all);
    const upShare = all.filter((r) => r > 0).length / all.length;
    const downShare = all.filter((r) => r < 0).length / all.length;
    const meanBlock = Math.max(horizon, stationaryBlockLength(all));
    baselines.push({ horizon, entries: all.length, meanReturn: meanAll, upShare, downShare, meanBlock, dropped });

    const draws = bootstrapDifferences(returns, entries, { meanBlock, replicates, random: seededRandom(seed) });
    kinds.forEach((kind, k) => {
      const sign = kind.direction === 'bearish' ? -1 : 1;
      const fwd = entries[k]!.map((i) => returns[i]!);
      const meanReturn = fwd.length === 0 ? null : mean(fwd);
      const signedReturn = meanReturn === null ? null : sign * meanReturn;
      const unconditional = sign * meanAll;
      rows.push({
        ...kind,
        horizon,
        n: fwd.length,
        dropped: droppedByKind[k]!,
        meanReturn,
        signedReturn,
        unconditional,
        difference: signedReturn === null ? null : signedReturn - unconditional,
        hitRate: fwd.length === 0 ? null : fwd.filter((r) => sign * r > 0).length / fwd.length,
        unconditionalHitRate: sign > 0 ? upShare : downShare,
        draws: draws[k]!.map((d) => sign * d).filter((d) => !Number.isNaN(d)).sort(),
      });
    });
  }

  const tests = rows.filter((r) => r.n >= minCount).length;
  const adjustedConfidence = 1 - (1 - confidence) / Math.max(1, tests);
  const interval = (sorted: Float64Array, level: number): [number, number] | null =>
    sorted.length === 0 ? null : [quantileSorted(sorted, (1 - level) / 2), quantileSorted(sorted, (1 + level) / 2)];
  const evaluated: KindEvaluation[] = rows.map(({ draws, ...row }) => {
    const ci = row.n < 2 ? null : interval(draws, confidence);
    const ciAdjusted = row.n < 2 ? null : interval(draws, adjustedConfidence);
    return { ...row, ci, ciAdjusted, verdict: verdict(row.n, ci, minCount), verdictAdjusted: verdict(row.n, ciAdjusted, minCount) };
  });
  return {
    bars: candles.length,
    returns: 'log',
    method: { ci: CI_METHOD, replicates, seed, confidence, minCount, tests, adjustedConfidence },
    horizons: baselines,
    kinds: evaluated,
    edges: evaluated.filter((r) => r.verdict === 'edge').length,
    edgesAdjusted: evaluated.filter((r) => r.verdictAdjusted === 'edge').length,
  };
}
