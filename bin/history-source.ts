import { InputError } from '../actors/runtime/errors.js';
import type { CandleSeries } from '../actors/market-data/candles/load-candles.js';
import { historySeries } from '../actors/market-data/history/history-series.js';
import { shownUrl } from '../actors/runtime/shown-url.js';
import { MarketHistoryStore } from '../actors/market-data/history/market-history-store.js';
import { timeframeMs } from './candle-series.js';
import { commandConfig } from './command-config.js';

export interface FromDbOpts {
  venue?: string;
  symbol?: string[];
  timeframe?: string;
  from?: string;
  to?: string;
  config?: string;
}

function instant(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw new InputError(`${flag} ${text}: expected an ISO time, e.g. 2018-01-15 or 2018-01-15T12:00:00Z`);
  return ms;
}

/**
 * `backtest --from-db`: each --symbol's bars of --timeframe at --venue from the market-data tables of
 * storage.postgres, as loadCandles gives a file's. Reports on stderr what it read.
 */
export async function seriesFromDb(opts: FromDbOpts): Promise<CandleSeries[]> {
  const missing = (['venue', 'symbol', 'timeframe'] as const).filter((k) => opts[k] === undefined || opts[k]?.length === 0);
  if (missing.length > 0) throw new InputError(`--from-db needs ${missing.map((k) => `--${k}`).join(', ')}`);
  const tf = timeframeMs(opts.timeframe!);
  const from = instant('--from', opts.from);
  const to = instant('--to', opts.to);
  const store = new MarketHistoryStore(commandConfig(opts.config).storage.postgres);
  try {
    await store.connect();
    const out: CandleSeries[] = [];
    for (const symbol of opts.symbol!) {
      const h = await historySeries(store, { venue: opts.venue!, symbol, timeframeMs: tf, from, to });
      const how = h.source === 'candles' ? `${h.rows} candles` : `${h.series.candles.length} bars built from ${h.rows} trades (no candles recorded)`;
      process.stderr.write(`${h.series.file}: ${how} from ${shownUrl(store.db.url)} schema ${store.db.schema}\n`);
      out.push(h.series);
    }
    return out;
  } finally {
    await store.close();
  }
}
