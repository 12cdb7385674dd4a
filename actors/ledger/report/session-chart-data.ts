import { FAMILIES, type Family, type Weights } from '../../allocation/family.js';
import type { SessionReportData } from './session-report-data.js';

/** One chart's data as uPlot takes it: a shared x (epoch seconds) and one y array per series (null where a series has no point). */
export interface ChartData {
  x: number[];
  series: { label: string; values: (number | null)[] }[];
}

/**
 * Each family's equity and its P&L since the start (equity − its starting capital) on the union of the sample times.
 * `start`: each running family's starting capital; families with no sample are left out.
 */
export function equityCharts(equity: SessionReportData['equity'], start: Partial<Record<Family, number>>): { equity: ChartData; pnl: ChartData } {
  const families = FAMILIES.filter((f) => (equity[f]?.length ?? 0) > 0);
  const times = [...new Set(families.flatMap((f) => equity[f]!.map((p) => p.ts)))].sort((a, b) => a - b);
  const x = times.map((t) => t / 1000);
  const valuesOf = (f: Family, minus: number) => {
    const byTs = new Map(equity[f]!.map((p) => [p.ts, p.equity - minus]));
    return times.map((t) => byTs.get(t) ?? null);
  };
  return {
    equity: { x, series: families.map((f) => ({ label: f, values: valuesOf(f, 0) })) },
    pnl: { x, series: families.map((f) => ({ label: f, values: valuesOf(f, start[f] ?? 0) })) },
  };
}

/**
 * Each running family's capital share over time, in percent, as steps: the static weights from `from`, each
 * reallocation's `after` from its time, held until `until`. Empty when there is no time to draw on.
 */
export function weightsChart(staticWeights: Weights, reallocations: readonly { ts: number; after: Weights }[], from: number | undefined, until: number | undefined): ChartData {
  const families = FAMILIES.filter((f) => staticWeights[f] !== undefined);
  const steps: { ts: number; weights: Weights }[] = [];
  const first = Math.min(from ?? Infinity, reallocations[0]?.ts ?? Infinity);
  if (!Number.isFinite(first)) return { x: [], series: [] };
  steps.push({ ts: first, weights: staticWeights });
  for (const r of reallocations) steps.push({ ts: r.ts, weights: r.after });
  const last = Math.max(until ?? -Infinity, steps.at(-1)!.ts);
  if (last > steps.at(-1)!.ts) steps.push({ ts: last, weights: steps.at(-1)!.weights });
  return {
    x: steps.map((s) => s.ts / 1000),
    series: families.map((f) => ({ label: f, values: steps.map((s) => (s.weights[f] === undefined ? null : s.weights[f]! * 100)) })),
  };
}
