import type { Clock } from '../../runtime/clock.js';
import type { BookLevel, OrderBook } from '../../market-data/types.js';
import { MarketConnection } from '../../market-data/order-book/market-connection.js';
import { marketConnectionActor } from '../../market-data/order-book/market-connection-actor.js';
import type { ActorSpec } from '../../runtime/actor-spec.js';
import { CcxtVenue } from '../ccxt/ccxt-venue.js';
import type { NetworkOptions } from '../ccxt/network-options.js';
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

/** A market as strategies need it: rules plus current depth (structurally a triangular SpotMarket). */
export interface LocalMarketView {
  symbol: string;
  base: string;
  quote: string;
  bids: BookLevel[];
  asks: BookLevel[];
  rules: { tickSize: number; stepSize: number; minQty: number; minNotional: number };
}

export interface LocalArbitrageVenues {
  exchanges: Record<string, LocalExchange>;
  venues: Record<string, CcxtVenue>;
  mover: BookMover;
  /** Rules and current books of one venue's markets. */
  markets(venue: string): LocalMarketView[];
  /** One websocket depth connection per market; books and market.stale/live go to `publish`. */
  connect(publish: (m: { type: 'book.updated'; book: OrderBook } | { type: 'market.stale' | 'market.live'; venue: string; symbol: string; lastUpdateTs?: number }) => void, silenceMs?: number): MarketConnection[];
  /** The same connections as actors of the system (for bootTradingSystem's venueActors); closed by close(). */
  connectionActors(silenceMs?: number): ActorSpec[];
  close(): Promise<void>;
}

export interface LocalVenuesOptions {
  /** The ccxt venues' REST settings (config.network); the request timeout defaults to 3 s here. */
  network?: Partial<NetworkOptions>;
}

/**
 * Local Binance-speaking venues for the default paper session and tests: real exchangeInfo entries,
 * books around the real snapshot's prices kept moving by a BookMover, real ccxt venues on top.
 * Default: 'local-a' lists the six BTC/ETH/BNB/USDT markets (triangles), 'local-b' lists BTCUSDT
 * and ETHUSDT (a second venue for cross-exchange). Now and then a market jumps for one step, which
 * opens a window for one strategy or the other.
 */
export async function startLocalArbitrageVenues(clock: Clock, specs: LocalVenueSpec[] = DEFAULT_SPECS, seed = 1, shockChance = 0.02, options: LocalVenuesOptions = {}): Promise<LocalArbitrageVenues> {
  const exchanges: Record<string, LocalExchange> = {};
  const venues: Record<string, CcxtVenue> = {};
  const moved: MovedMarket[] = [];
  for (const spec of specs) {
    const listed = listedMarkets(spec.symbols);
    const credentials = { apiKey: `${spec.id}-key`, secret: `${spec.id}-secret` };
    const ex = await LocalExchange.start({ markets: listed, clock, accounts: { [credentials.apiKey]: { secret: credentials.secret, balances: spec.balances } } });
    exchanges[spec.id] = ex;
    venues[spec.id] = new CcxtVenue({ id: spec.id, exchangeId: 'binance', credentials, clock, apiUrls: ex.ccxtUrls(), network: { timeoutMs: 3000, ...options.network }, inProcess: true });
    for (const m of listed) {
      const mid = SNAPSHOT_MIDS[m.symbol];
      if (mid === undefined) throw new Error(`no reference price for ${m.symbol}`);
      moved.push({ exchange: ex, symbol: m.symbol, mid: mid * (1 + (spec.offset ?? 0)), halfSpread: 0.0002, topQty: TOP_QTY[m.symbol] ?? 1, tickSize: m.tickSize });
    }
  }
  const mover = new BookMover(moved, 0.0005, seed, shockChance);
  mover.step();
  const markets = (venue: string): LocalMarketView[] => {
    const ex = exchanges[venue];
    if (!ex) throw new Error(`no local venue ${venue}`);
    return [...ex.state.markets.values()].map((m) => {
      const d = ex.state.engine(m.symbol).depth(20);
      return { symbol: m.symbol, base: m.base, quote: m.quote, bids: d.bids, asks: d.asks, rules: { tickSize: m.tickSize, stepSize: m.stepSize, minQty: m.minQty, minNotional: m.minNotional } };
    });
  };
  const connections: MarketConnection[] = [];
  const actorSpecs: Array<ActorSpec & { close(): void }> = [];
  return {
    exchanges,
    venues,
    mover,
    markets,
    connect(publish, silenceMs = 5000) {
      for (const [id, ex] of Object.entries(exchanges)) {
        for (const m of ex.state.markets.values()) {
          const symbol = `${m.base}/${m.quote}`;
          const conn = new MarketConnection(
            {
              venue: id, symbol, streamId: m.symbol.toLowerCase(), wsUrl: `ws://127.0.0.1:${ex.port}/ws`, silenceMs,
              fetchSnapshot: () => venues[id]!.fetchDepthSnapshot(symbol, 100),
              onBook: (book) => publish({ type: 'book.updated', book }),
              onStatus: (e) => publish(e),
            },
            clock,
          );
          conn.start();
          connections.push(conn);
        }
      }
      return connections;
    },
    connectionActors(silenceMs = 5000) {
      for (const [id, ex] of Object.entries(exchanges)) {
        for (const m of ex.state.markets.values()) {
          const symbol = `${m.base}/${m.quote}`;
          actorSpecs.push(marketConnectionActor({
            venue: id, symbol, streamId: m.symbol.toLowerCase(), wsUrl: `ws://127.0.0.1:${ex.port}/ws`, silenceMs,
            fetchSnapshot: () => venues[id]!.fetchDepthSnapshot(symbol, 100),
          }));
        }
      }
      return actorSpecs;
    },
    async close() {
      mover.stop();
      for (const a of actorSpecs) a.close();
      for (const c of connections) c.stop();
      for (const v of Object.values(venues)) await v.close();
      for (const ex of Object.values(exchanges)) await ex.close();
    },
  };
}

const DEFAULT_SPECS: LocalVenueSpec[] = [
  { id: 'local-a', symbols: ['BTCUSDT', 'ETHUSDT', 'ETHBTC', 'BNBUSDT', 'BNBBTC', 'BNBETH'], balances: { USDT: 50_000, BTC: 2, ETH: 50, BNB: 1000 } },
  { id: 'local-b', symbols: ['BTCUSDT', 'ETHUSDT'], balances: { USDT: 50_000, BTC: 2, ETH: 50 } },
];
