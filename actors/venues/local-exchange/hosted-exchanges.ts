import type { Clock } from '../../runtime/clock.js';
import { BookMover, type MovedMarket } from './book-mover.js';
import { listedMarkets } from './listed-markets.js';
import { LocalExchange } from './server.js';

/** Mid prices of the real Binance snapshot (data/tickers, 2020-10-09 02:05Z). */
const SNAPSHOT_MIDS: Record<string, number> = {
  BTCUSDT: 10895.245, ETHUSDT: 350.585, ETHBTC: 0.0321765, BNBUSDT: 27.95565, BNBBTC: 0.0025664, BNBETH: 0.0797745,
};
const TOP_QTY: Record<string, number> = { BTCUSDT: 0.2, ETHUSDT: 5, ETHBTC: 5, BNBUSDT: 50, BNBBTC: 50, BNBETH: 50 };

export interface LocalVenueSpec {
  id: string;
  symbols: string[];
  /** Reference mids are the snapshot's times (1 + offset). */
  offset?: number;
  balances: Record<string, number>;
}

/** Where a local exchange listens and the session's account on it: all a client in another process needs. */
export interface ExchangeEndpoint {
  url: string;
  apiKey: string;
  secret: string;
}

export interface HostedExchanges {
  exchanges: Record<string, LocalExchange>;
  mover: BookMover;
  endpoints: Record<string, ExchangeEndpoint>;
  close(): Promise<void>;
}

export const DEFAULT_SPECS: LocalVenueSpec[] = [
  { id: 'local-a', symbols: ['BTCUSDT', 'ETHUSDT', 'ETHBTC', 'BNBUSDT', 'BNBBTC', 'BNBETH'], balances: { USDT: 50_000, BTC: 2, ETH: 50, BNB: 1000 } },
  { id: 'local-b', symbols: ['BTCUSDT', 'ETHUSDT'], balances: { USDT: 50_000, BTC: 2, ETH: 50 } },
];

/**
 * The local Binance-speaking exchanges themselves: servers with real exchangeInfo entries, one account each
 * (`<id>-key`), books around the real snapshot's prices kept moving by a BookMover (stepped once here; `mover.start`
 * keeps them living). Hosted by the paper session itself, or by `arbiter chaos` so they outlive the bot's process.
 */
export async function hostLocalExchanges(clock: Clock, specs: LocalVenueSpec[] = DEFAULT_SPECS, seed = 1, shockChance = 0.02): Promise<HostedExchanges> {
  const exchanges: Record<string, LocalExchange> = {};
  const endpoints: Record<string, ExchangeEndpoint> = {};
  const moved: MovedMarket[] = [];
  try {
    for (const spec of specs) {
      const listed = listedMarkets(spec.symbols);
      const account = { apiKey: `${spec.id}-key`, secret: `${spec.id}-secret` };
      const ex = await LocalExchange.start({ markets: listed, clock, accounts: { [account.apiKey]: { secret: account.secret, balances: spec.balances } } });
      exchanges[spec.id] = ex;
      endpoints[spec.id] = { url: ex.url, ...account };
      for (const m of listed) {
        const mid = SNAPSHOT_MIDS[m.symbol];
        if (mid === undefined) throw new Error(`no reference price for ${m.symbol}`);
        moved.push({ exchange: ex, symbol: m.symbol, mid: mid * (1 + (spec.offset ?? 0)), halfSpread: 0.0002, topQty: TOP_QTY[m.symbol] ?? 1, tickSize: m.tickSize });
      }
    }
  } catch (err) {
    for (const ex of Object.values(exchanges)) await ex.close();
    throw err;
  }
  const mover = new BookMover(moved, 0.0005, seed, shockChance);
  mover.step();
  return {
    exchanges,
    mover,
    endpoints,
    async close() {
      mover.stop();
      for (const ex of Object.values(exchanges)) await ex.close();
    },
  };
}
