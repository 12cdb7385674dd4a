import { readFileSync } from 'node:fs';
import { projectPath } from '../../runtime/project-root.js';
import type { ListedMarket } from './exchange-state.js';

const DEFAULT_INFO = projectPath('data', 'markets', 'binance_exchangeInfo_2020-10-09T0204Z.json');

/** Real Binance exchangeInfo entries for the given symbols, served verbatim (status forced to TRADING). */
export function listedMarkets(symbols: readonly string[], file = DEFAULT_INFO): ListedMarket[] {
  const info = JSON.parse(readFileSync(file, 'utf8')) as { symbols: Array<Record<string, unknown>> };
  return symbols.map((symbol) => {
    const entry = info.symbols.find((s) => s.symbol === symbol);
    if (!entry) throw new Error(`${file}: no symbol ${symbol}`);
    return listedMarketOf({ ...entry, status: 'TRADING', permissions: ['SPOT'] });
  });
}

/** One exchangeInfo `symbols` entry as the local exchange lists it: its rules read from its filters. */
export function listedMarketOf(entry: Record<string, unknown>): ListedMarket {
  const filters = entry.filters as Array<Record<string, string>>;
  const f = (type: string, key: string) => Number(filters.find((x) => x.filterType === type)?.[key] ?? 0);
  return {
    symbol: entry.symbol as string,
    base: entry.baseAsset as string,
    quote: entry.quoteAsset as string,
    tickSize: f('PRICE_FILTER', 'tickSize'),
    stepSize: f('LOT_SIZE', 'stepSize'),
    minQty: f('LOT_SIZE', 'minQty'),
    minNotional: f('MIN_NOTIONAL', 'minNotional'),
    info: entry,
  };
}
