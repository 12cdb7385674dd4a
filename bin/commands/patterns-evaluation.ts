import { InvalidArgumentError } from 'commander';
import type { Candle } from '../../actors/market-data/types.js';
import { InputError } from '../../actors/runtime/errors.js';
import { EVALUATION_DEFAULTS, evaluatePatterns, type EvaluatedPattern, type KindEvaluation, type PatternEvaluation } from '../../actors/patterns/evaluation/evaluate-patterns.js';
import { columns } from '../columns.js';

/** `--horizon 10` or `--horizon 5,10,30`: whole numbers of bars ≥ 1. */
export function parseHorizons(text: string): number[] {
  const horizons = text.split(',').map((s) => s.trim());
  if (horizons.some((h) => !/^[1-9][0-9]*$/.test(h))) throw new InvalidArgumentError(`expected whole numbers of bars ≥ 1 separated by commas, got "${text}"`);
  return [...new Set(horizons.map(Number))];
}

const bp = (x: number | null) => (x === null ? '–' : (x * 1e4).toFixed(1));
const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(0)}%`);
const ci = (x: [number, number] | null) => (x === null ? '–' : `[${bp(x[0])}, ${bp(x[1])}]`);
const level = (x: number) => `${+(x * 100).toFixed(2)}%`;
const count = (n: number) => n.toLocaleString('en-US');

function tableLines(e: PatternEvaluation): string[] {
  const multi = e.horizons.length > 1;
  const row = (k: KindEvaluation) => [
    `${k.family} ${k.name} ${k.direction}`,
    ...(multi ? [String(k.horizon)] : []),
    String(k.n),
    bp(k.meanReturn),
    bp(k.signedReturn),
    bp(k.unconditional),
    bp(k.difference),
    ci(k.ci),
    pct(k.hitRate),
    pct(k.unconditionalHitRate),
    k.verdict,
    k.verdictAdjusted,
  ];
  const head = ['kind', ...(multi ? ['h'] : []), 'n', 'mean fwd', 'signed', 'uncond.', 'diff', `${level(e.method.confidence)} CI of diff`, 'hit', 'uncond. hit', 'verdict', 'Bonferroni'];
  const numeric = (c: number) => c > 0 && c < head.length - 2;
  return columns([head, ...e.kinds.map(row)], { right: numeric });
}

function footerLines(e: PatternEvaluation, file: string): string[] {
  const m = e.method;
  const dropped = e.horizons.map((h) => `${h.dropped.pastEnd + h.dropped.gap} at ${h.horizon}`).join(', ');
  const blocks = e.horizons.map((h) => `${h.meanBlock.toFixed(0)} bars at h ${h.horizon}`).join(', ');
  const lines = [
    `${count(e.bars)} bars of ${file}; forward log return over ${e.horizons.map((h) => h.horizon).join(', ')} bars from the confirming bar's close, in bp (0.01 %); signed, uncond., diff: × −1 for bearish; uncond.: every bar as an entry`,
    `patterns not counted (window past the data or across a gap): ${dropped}`,
    `CI: ${m.ci}; ${count(m.replicates)} draws, seed ${m.seed}, mean block ${blocks}`,
    `${e.edges} of ${m.tests} kind × horizon rows with n ≥ ${m.minCount} show an edge at ${level(m.confidence)}; ${e.edgesAdjusted} after Bonferroni (${m.tests} tests, each at ${level(m.adjustedConfidence)})`,
  ];
  lines.push("patterns as the pattern actor announces them: direction is the move implied (an Elliott count's is against its waves), Wyckoff at its Spring, SOS, UTAD or SOW");
  return lines;
}

/**
 * `arbiter patterns --evaluate`: evaluates the patterns a pattern actor would announce on these candles
 * (stream-signals.ts, evaluate-patterns.ts) and prints the table and footer, or with `json` one line `{"evaluation": {...}}`.
 */
export function printPatternEvaluation(
  series: { candles: readonly Candle[]; timeframeMs: number },
  patterns: readonly EvaluatedPattern[],
  opts: { file: string; horizons?: readonly number[]; json?: boolean },
): void {
  const horizons = opts.horizons ?? EVALUATION_DEFAULTS.horizons;
  const tooLong = horizons.find((h) => h >= series.candles.length);
  if (tooLong !== undefined) throw new InputError(`--horizon ${tooLong}: ${opts.file} has only ${series.candles.length} bars`);
  const evaluation = evaluatePatterns(series.candles, series.timeframeMs, patterns, { horizons });
  const lines = opts.json ? [JSON.stringify({ evaluation })] : [...tableLines(evaluation), ...footerLines(evaluation, opts.file)];
  for (const line of lines) process.stdout.write(`${line}\n`);
}
