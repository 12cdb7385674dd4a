import { InputError } from '../../runtime/errors.js';
import type { BookLevel } from '../../market-data/types.js';

/** Trading rules of one market, from Binance exchangeInfo (PRICE_FILTER, LOT_SIZE, MIN_NOTIONAL). */
export interface MarketRules {
  tickSize: number;
  stepSize: number;
  minQty: number;
  minNotional: number;
}

/** One spot market with its current depth (top of book when it comes from a ticker). */
export interface SpotMarket {
  symbol: string;
  base: string;
  quote: string;
  bids: BookLevel[];
  asks: BookLevel[];
  /** Undefined when no exchangeInfo was given: precision and minimums cannot be checked. */
  rules?: MarketRules;
}

/** Used only without exchangeInfo: Binance's quote assets, longest first, to split "ETHBTC" into ETH/BTC. */
const KNOWN_QUOTES = [
  'USDT', 'BUSD', 'USDC', 'TUSD', 'BIDR', 'BKRW', 'IDRT', 'BVND', 'USDS', 'BTC', 'ETH', 'BNB', 'PAX', 'DAI',
  'XRP', 'TRX', 'EUR', 'GBP', 'AUD', 'TRY', 'RUB', 'NGN', 'UAH', 'ZAR', 'BRL', 'VAI',
].sort((a, b) => b.length - a.length);

function num(value: unknown, where: string, issues: string[]): number {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(n) || n < 0) {
    issues.push(`${where}: expected a non-negative number, got ${JSON.stringify(value)}`);
    return Number.NaN;
  }
  return n;
}

function fail(file: string, issues: string[]): never {
  const shown = issues.slice(0, 10);
  if (issues.length > 10) shown.push(`… and ${issues.length - 10} more`);
  throw new InputError(`invalid market data in ${file}`, shown);
}

export interface ParsedTicker {
  symbol: string;
  bid: number;
  bidQty: number;
  ask: number;
  askQty: number;
}

/** Parses Binance `/api/v3/ticker/24hr` (or bookTicker) for all symbols. Rows with no bid or ask are kept (inactive). */
export function parseTickers(json: unknown, file: string): ParsedTicker[] {
  if (!Array.isArray(json)) fail(file, ['top level: expected an array of Binance tickers']);
  if (json.length === 0) throw new InputError(`${file}: no tickers`);
  const issues: string[] = [];
  const out: ParsedTicker[] = [];
  json.forEach((row: unknown, i: number) => {
    const r = row as Record<string, unknown>;
    if (typeof r !== 'object' || r === null || typeof r.symbol !== 'string') {
      issues.push(`ticker at index ${i}: symbol: expected a string`);
      return;
    }
    const at = `ticker at index ${i} (${r.symbol})`;
    out.push({
      symbol: r.symbol,
      bid: num(r.bidPrice, `${at}: bidPrice`, issues),
      bidQty: num(r.bidQty, `${at}: bidQty`, issues),
      ask: num(r.askPrice, `${at}: askPrice`, issues),
      askQty: num(r.askQty, `${at}: askQty`, issues),
    });
  });
  if (issues.length > 0) fail(file, issues);
  return out;
}

export interface ExchangeSymbol {
  symbol: string;
  base: string;
  quote: string;
  trading: boolean;
  rules: MarketRules;
}

/** Parses Binance `/api/v3/exchangeInfo`: base/quote, status and the filters that bound an order. */
export function parseExchangeInfo(json: unknown, file: string): Map<string, ExchangeSymbol> {
  const symbols = (json as { symbols?: unknown })?.symbols;
  if (!Array.isArray(symbols)) fail(file, ['symbols: expected an array (Binance exchangeInfo)']);
  if (symbols.length === 0) throw new InputError(`${file}: no symbols`);
  const issues: string[] = [];
  const out = new Map<string, ExchangeSymbol>();
  symbols.forEach((row: unknown, i: number) => {
    const s = row as Record<string, unknown>;
    const at = `symbols entry at index ${i}`;
    if (typeof s?.symbol !== 'string' || typeof s.baseAsset !== 'string' || typeof s.quoteAsset !== 'string') {
      issues.push(`${at}: expected symbol, baseAsset and quoteAsset strings`);
      return;
    }
    const filters = Array.isArray(s.filters) ? (s.filters as Record<string, unknown>[]) : [];
    const filter = (type: string) => filters.find((f) => f?.filterType === type) ?? {};
    const price = filter('PRICE_FILTER');
    const lot = filter('LOT_SIZE');
    const notional = filter('MIN_NOTIONAL');
    const where = `${at} (${s.symbol}): filters`;
    out.set(s.symbol, {
      symbol: s.symbol,
      base: s.baseAsset,
      quote: s.quoteAsset,
      trading: s.status === undefined || s.status === 'TRADING',
      rules: {
        tickSize: num(price.tickSize ?? '0', `${where}.PRICE_FILTER.tickSize`, issues),
        stepSize: num(lot.stepSize ?? '0', `${where}.LOT_SIZE.stepSize`, issues),
        minQty: num(lot.minQty ?? '0', `${where}.LOT_SIZE.minQty`, issues),
        minNotional: num(notional.minNotional ?? '0', `${where}.MIN_NOTIONAL.minNotional`, issues),
      },
    });
  });
  if (issues.length > 0) fail(file, issues);
  return out;
}

function splitSymbol(symbol: string): [string, string] | undefined {
  for (const q of KNOWN_QUOTES) {
    if (symbol.length > q.length && symbol.endsWith(q)) return [symbol.slice(0, -q.length), q];
  }
  return undefined;
}

/**
 * Joins tickers with exchangeInfo into live spot markets (both sides quoted, status TRADING).
 * Without exchangeInfo the symbol is split on known quote assets and rules stay unknown.
 */
export function buildMarkets(tickers: ParsedTicker[], info?: Map<string, ExchangeSymbol>): SpotMarket[] {
  const markets: SpotMarket[] = [];
  for (const t of tickers) {
    if (!(t.bid > 0 && t.ask > 0 && t.bidQty > 0 && t.askQty > 0)) continue;
    const meta = info?.get(t.symbol);
    if (info && (!meta || !meta.trading)) continue;
    const pair = meta ? ([meta.base, meta.quote] as [string, string]) : splitSymbol(t.symbol);
    if (!pair) continue;
    markets.push({
      symbol: t.symbol,
      base: pair[0],
      quote: pair[1],
      bids: [[t.bid, t.bidQty]],
      asks: [[t.ask, t.askQty]],
      ...(meta ? { rules: meta.rules } : {}),
    });
  }
  return markets;
}
