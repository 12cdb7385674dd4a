import type { Clock } from '../../runtime/clock.js';
import type { BookLevel, OrderBook } from '../../market-data/types.js';
import { MarketConnection } from '../../market-data/order-book/market-connection.js';
import type { ActorSpec } from '../../runtime/actor-spec.js';
import type { CcxtVenue } from '../ccxt/ccxt-venue.js';
import type { NetworkOptions } from '../ccxt/network-options.js';
import type { BookMover } from './book-mover.js';
import { depthConnectionActors, exchangeClients, type DepthStreamOf } from './exchange-clients.js';
import { hostLocalExchanges, type LocalVenueSpec } from './hosted-exchanges.js';
import type { LocalExchange } from './server.js';

export type { LocalVenueSpec } from './hosted-exchanges.js';

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
 * Local Binance-speaking venues for the default paper session and tests: the exchanges (hosted-exchanges.ts) in this
 * process, real ccxt venues on top. Default: 'local-a' lists the six BTC/ETH/BNB/USDT markets (triangles), 'local-b'
 * lists BTCUSDT and ETHUSDT (a second venue for cross-exchange). Now and then a market jumps for one step, which
 * opens a window for one strategy or the other.
 */
export async function startLocalArbitrageVenues(clock: Clock, specs?: LocalVenueSpec[], seed = 1, shockChance = 0.02, options: LocalVenuesOptions = {}): Promise<LocalArbitrageVenues> {
  const hosted = await hostLocalExchanges(clock, specs, seed, shockChance);
  const { exchanges, mover, endpoints } = hosted;
  const venues = exchangeClients(endpoints, clock, options.network ?? {}, true);
  const streams: DepthStreamOf[] = Object.entries(exchanges).flatMap(([venue, ex]) =>
    [...ex.state.markets.values()].map((m) => ({ venue, symbol: `${m.base}/${m.quote}`, exchangeSymbol: m.symbol })),
  );
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
      for (const m of streams) {
        const conn = new MarketConnection(
          {
            venue: m.venue, symbol: m.symbol, streamId: m.exchangeSymbol.toLowerCase(), wsUrl: `ws://127.0.0.1:${exchanges[m.venue]!.port}/ws`, silenceMs,
            fetchSnapshot: () => venues[m.venue]!.fetchDepthSnapshot(m.symbol, 100),
            onBook: (book) => publish({ type: 'book.updated', book }),
            onStatus: (e) => publish(e),
          },
          clock,
        );
        conn.start();
        connections.push(conn);
      }
      return connections;
    },
    connectionActors(silenceMs = 5000) {
      actorSpecs.push(...depthConnectionActors(streams, endpoints, venues, silenceMs));
      return actorSpecs;
    },
    async close() {
      for (const a of actorSpecs) a.close();
      for (const c of connections) c.stop();
      for (const v of Object.values(venues)) await v.close();
      await hosted.close();
    },
  };
}
