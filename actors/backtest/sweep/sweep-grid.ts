import { InputError } from '../../runtime/errors.js';
import { checkStrategyParams } from '../strategy-params.js';
import { strategyEntry } from '../strategies.js';
import type { SweepAxis } from './sweep-axis.js';

/** More runs than this is a mistake, not a sweep. */
export const MAX_SWEEP_RUNS = 10_000;

export interface SweepGrid {
  /** Each valid combination's full parameters (the schema's defaults filled in), in grid order: the first axis varies slowest. */
  runs: Array<Record<string, unknown>>;
  /** Combinations the schema rejects only by a rule across parameters (sma-cross: fast < slow). */
  skipped: number;
  /** Why the first skipped combination was rejected, e.g. `fast=20 slow=20: fast: must be shorter than slow (20) (got 20)`. */
  skipExample?: string;
}

/**
 * The cartesian product of the axes over the fixed parameters, each combination checked by the strategy's schema.
 * A value the schema rejects by itself (fast=0), an unknown key, or a bad fixed parameter throws one InputError
 * listing every problem; a combination rejected only by a rule across parameters is skipped, and when none is
 * left that throws too. `label` names a fixed parameter as the command line gave it (`--fast`, `--param fraction`).
 */
export function sweepGrid(strategy: string, axes: readonly SweepAxis[], fixed: Readonly<Record<string, unknown>>, label: (key: string) => string): SweepGrid {
  const schema = strategyEntry(strategy).params;
  const swept = new Set(axes.map((a) => a.key));
  const clash = axes.find((a) => Object.hasOwn(fixed, a.key));
  if (clash) throw new InputError(`--sweep ${clash.key}: also given as ${label(clash.key)}; give one or the other`);
  const total = axes.reduce((n, a) => n * a.values.length, 1);
  if (total > MAX_SWEEP_RUNS) throw new InputError(`--sweep: ${total} combinations, more than ${MAX_SWEEP_RUNS}; use fewer values`);

  const source = { label: (key: string) => (swept.has(key) ? `--sweep ${key}` : label(key)), fromStrings: true };
  const issues = new Set<string>();
  const runs: Array<Record<string, unknown>> = [];
  let skipped = 0;
  let skipExample: string | undefined;
  for (const combination of cartesian(axes)) {
    const checked = checkStrategyParams(strategy, schema, { ...fixed, ...combination }, source);
    if (checked.ok) runs.push(checked.value);
    else if (!checked.crossFieldOnly) checked.lines.forEach((line) => issues.add(line));
    else {
      skipped += 1;
      skipExample ??= `${describeParams(combination)}: ${checked.lines.join('; ').replace(/--sweep /g, '')}`;
    }
  }
  if (issues.size > 0) throw new InputError(`bad ${strategy} sweep`, [...issues]);
  if (runs.length === 0) throw new InputError(`--sweep: every one of the ${total} combinations is rejected by ${strategy}'s parameter rules, e.g. ${skipExample}`);
  return { runs, skipped, skipExample };
}

/** Every combination of the axes' values, the first axis varying slowest. */
export function* cartesian(axes: readonly SweepAxis[]): Generator<Record<string, number | string>> {
  const at = axes.map(() => 0);
  if (axes.some((a) => a.values.length === 0)) return;
  for (;;) {
    yield Object.fromEntries(axes.map((a, i) => [a.key, a.values[at[i]!]!]));
    let i = axes.length - 1;
    while (i >= 0 && ++at[i]! === axes[i]!.values.length) at[i--] = 0;
    if (i < 0) return;
  }
}

/** `fast=5 slow=20`. */
export function describeParams(params: Readonly<Record<string, unknown>>, keys: readonly string[] = Object.keys(params)): string {
  return keys.map((k) => `${k}=${String(params[k])}`).join(' ');
}
