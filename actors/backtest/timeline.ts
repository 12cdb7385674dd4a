import type { SymbolBar } from '../market-data/types.js';
import { InputError } from '../runtime/errors.js';
import type { CandleSeries } from '../market-data/candles/load-candles.js';

/** One replay step: every symbol that has a bar opening at `ts`. Symbols without a bar (a gap) are simply absent. */
export interface TimelineStep {
  ts: number;
  bars: SymbolBar[];
}

/** Aligns several candle series on time (union of open times). All series must share one bar length. */
export function buildTimeline(series: readonly CandleSeries[]): { steps: TimelineStep[]; timeframeMs: number } {
  if (series.length === 0) throw new InputError('no candle series to replay');
  const timeframeMs = series[0]!.timeframeMs;
  const symbols = new Set<string>();
  for (const s of series) {
    if (s.timeframeMs !== timeframeMs) throw new InputError(`${s.file}: bar length ${s.timeframeMs} ms differs from ${series[0]!.file} (${timeframeMs} ms); replay one bar length per run`);
    if (symbols.has(s.symbol)) throw new InputError(`${s.file}: symbol ${s.symbol} appears in two data files`);
    symbols.add(s.symbol);
  }
  const byTs = new Map<number, TimelineStep>();
  for (const s of series) {
    for (const candle of s.candles) {
      let step = byTs.get(candle.ts);
      if (!step) byTs.set(candle.ts, (step = { ts: candle.ts, bars: [] }));
      step.bars.push({ symbol: s.symbol, candle });
    }
  }
  const steps = [...byTs.values()].sort((a, b) => a.ts - b.ts);
  return { steps, timeframeMs };
}
