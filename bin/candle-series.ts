import { InputError } from '../actors/runtime/errors.js';
import { loadCandles, type CandleSeries } from '../actors/market-data/candles/load-candles.js';
import { candlesFromTrades } from '../actors/market-data/candles/candles-from-trades.js';
import { formatTimeframe, parseTimeframe } from '../actors/market-data/candles/timeframe.js';
import type { TradeTape } from '../actors/features/inputs/trade-tape.js';

/** `1m`, `5m`, `1h`, … in ms; an InputError naming --timeframe otherwise. */
export function timeframeMs(text: string): number {
  const ms = parseTimeframe(text);
  if (ms === undefined) throw new InputError(`--timeframe ${text}: expected a bar length like 1m, 5m, 1h or 1d`);
  return ms;
}

/**
 * The bars a command reads: the --data candle file, or (without --data) bars of --timeframe (default 1s) built from
 * the --trades recording, so a book + trade recording has bars it covers. `file` is the file the bars came from.
 */
export function candleSeries(
  opts: { data?: string; timeframe?: string; trades?: string },
  trades: TradeTape | undefined,
): { series: Pick<CandleSeries, 'candles' | 'timeframeMs' | 'gaps'>; file: string } {
  if (opts.data !== undefined) {
    const series = loadCandles(opts.data);
    if (opts.timeframe !== undefined && timeframeMs(opts.timeframe) !== series.timeframeMs) {
      throw new InputError(`--timeframe ${opts.timeframe}: ${opts.data} has bars ${formatTimeframe(series.timeframeMs)} apart (candles are not resampled here)`);
    }
    return { series, file: opts.data };
  }
  if (trades === undefined || opts.trades === undefined) throw new InputError('--data <candles.json> is required, or --trades <file.csv> to build the bars from');
  const ms = timeframeMs(opts.timeframe ?? '1s');
  const candles = candlesFromTrades(trades.trades, ms);
  if (candles.length === 0) throw new InputError(`--trades ${opts.trades}: no trades to build bars from`);
  return { series: { candles, timeframeMs: ms, gaps: [] }, file: opts.trades };
}
