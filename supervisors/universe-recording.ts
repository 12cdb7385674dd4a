import type { Config } from '../config/index.js';
import { InputError } from '../actors/runtime/errors.js';
import { loadCandles } from '../actors/market-data/candles/load-candles.js';
import { buildTimeline, type TimelineStep } from '../actors/backtest/timeline.js';

export interface UniverseRecording {
  steps: TimelineStep[];
  timeframeMs: number;
  symbols: string[];
  /** The quote currency every market of the universe shares. */
  quote: string;
}

/** The recorded markets of `replay.universe`, aligned step by step; they must share one quote currency. */
export function loadUniverseRecording(config: Config): UniverseRecording {
  const series = config.replay.universe.map((file) => loadCandles(file));
  const quotes = new Set(series.map((s) => s.symbol.split('/')[1]));
  if (quotes.size !== 1) throw new InputError(`replay.universe: its markets must share one quote currency; they have ${[...quotes].join(', ')}`, series.map((s) => `${s.file}: ${s.symbol}`));
  const { steps, timeframeMs } = buildTimeline(series);
  return { steps, timeframeMs, symbols: series.map((s) => s.symbol), quote: [...quotes][0]! };
}

/** The universe family's paper account: its capital converted into the universe's quote at `replay.universeQuoteValue`, and nothing else. */
export function universeBalances(config: Config, quote: string, capital: number): Record<string, number> {
  return { [quote]: capital / config.replay.universeQuoteValue };
}
