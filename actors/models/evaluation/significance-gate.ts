import type { Score, WalkForwardReport } from './walk-forward-report.js';
import { mcnemarOneSided } from './mcnemar.js';

export const GATE_TEST = 'one-sided exact McNemar (binomial on discordant pairs)';
export const DEFAULT_ALPHA = 0.05;

export interface GateInput {
  model: { score: Score; right: readonly boolean[] };
  /** Every baseline's score and per-sample rightness on the same samples, in order of preference among equals. */
  baselines: Record<string, { score: Score; right: readonly boolean[] }>;
  alpha?: number;
}

export type GateVerdict = Pick<WalkForwardReport, 'bestBaseline' | 'significance' | 'enabled' | 'reason'>;

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const count = (n: number) => n.toLocaleString('en-US');
const pText = (p: number) => (p >= 0.001 ? p.toPrecision(2) : p.toExponential(1));

/**
 * A model is enabled only if its out-of-sample accuracy beats the best baseline's (the highest accuracy on the same
 * samples) and a one-sided exact McNemar test on the paired calls gives p < alpha. The reason says which, with numbers.
 */
export function significanceGate({ model, baselines, alpha = DEFAULT_ALPHA }: GateInput): GateVerdict {
  const names = Object.keys(baselines);
  if (names.length === 0) throw new RangeError('the significance gate needs at least one baseline');
  const bestBaseline = names.reduce((best, name) => (baselines[name]!.score.accuracy > baselines[best]!.score.accuracy ? name : best));
  const best = baselines[bestBaseline]!;
  const test = mcnemarOneSided(model.right, best.right);
  const significance = { test: GATE_TEST, ...test, alpha };
  const n = model.score.samples;
  const head = `accuracy ${percent(model.score.accuracy)} vs ${bestBaseline} ${percent(best.score.accuracy)} on ${count(n)} samples`;
  const pairs = `${count(test.modelOnlyRight)} vs ${count(test.baselineOnlyRight)} samples only one of them called right`;
  if (n === 0) return { bestBaseline, significance, enabled: false, reason: 'no test samples: nothing to judge the model on' };
  if (model.score.accuracy <= best.score.accuracy) {
    return { bestBaseline, significance, enabled: false, reason: `${head}: not better (McNemar p = ${pText(test.pValue)}; ${pairs})` };
  }
  if (test.pValue >= alpha) {
    return { bestBaseline, significance, enabled: false, reason: `${head}: better but not significantly (McNemar p = ${pText(test.pValue)} ≥ ${alpha}; ${pairs})` };
  }
  return { bestBaseline, significance, enabled: true, reason: `${head}: significantly better (McNemar p = ${pText(test.pValue)} < ${alpha}; ${pairs})` };
}
