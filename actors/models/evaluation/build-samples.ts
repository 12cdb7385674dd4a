import type { Sample } from '../sample.js';
import { scaleRow, type ScalerState } from '../scaler.js';
import type { ModelSeries } from './model-series.js';

/**
 * Whether row `i` makes a sample with this window: the rows i-window+1 … i+1 exist and are consecutive candles (a row
 * dropped by the feature matrix, or a gap in the recording, breaks the run).
 */
export function hasSample(series: ModelSeries, i: number, window: number): boolean {
  const first = i - window + 1;
  if (first < 0 || i + 1 >= series.bar.length) return false;
  return series.bar[i + 1]! - series.bar[first]! === window;
}

/** Rows in [from, to] (inclusive) that make a sample. */
export function sampleRows(series: ModelSeries, from: number, to: number, window: number): number[] {
  const rows: number[] = [];
  for (let i = Math.max(0, from); i <= to; i++) if (hasSample(series, i, window)) rows.push(i);
  return rows;
}

/** Whether bar `i + 1` closed above bar `i` (by row). */
export function upAfter(series: ModelSeries, i: number): 0 | 1 {
  const b = series.bar[i]!;
  return series.closes[b + 1]! > series.closes[b]! ? 1 : 0;
}

/**
 * The samples at `rows`, every vector scaled with `scaler` (fitted by the caller on training rows only). `next` is row
 * i+1 and `up` compares bar i+1's close with bar i's.
 */
export function buildSamples(series: ModelSeries, rows: readonly number[], window: number, scaler: ScalerState): Sample[] {
  const scaled = new Map<number, number[]>();
  const row = (j: number) => {
    let v = scaled.get(j);
    if (v === undefined) {
      v = scaleRow(scaler, series.values[j]!);
      scaled.set(j, v);
    }
    return v;
  };
  return rows.map((i) => {
    const b = series.bar[i]!;
    const win: number[][] = [];
    for (let j = i - window + 1; j <= i; j++) win.push(row(j));
    return { ts: series.ts[i]!, window: win, next: row(i + 1), up: upAfter(series, i), nextReturn: Math.log(series.closes[b + 1]! / series.closes[b]!) };
  });
}
