import type { Clock } from '../../runtime/clock.js';
import type { ActorSpec } from '../../runtime/actor-spec.js';
import { marketConnectionActor } from '../../market-data/order-book/market-connection-actor.js';
import { CcxtVenue } from '../ccxt/ccxt-venue.js';
import type { NetworkOptions } from '../ccxt/network-options.js';
import type { ExchangeEndpoint } from './hosted-exchanges.js';
import { ccxtUrlsAt } from './ccxt-urls.js';

/** Real ccxt `binance` clients of local exchanges; `inProcess` when the exchanges end with this process. */
export function exchangeClients(endpoints: Record<string, ExchangeEndpoint>, clock: Clock, network: Partial<NetworkOptions>, inProcess: boolean): Record<string, CcxtVenue> {
  return Object.fromEntries(
    Object.entries(endpoints).map(([id, e]) => [
      id,
      new CcxtVenue({ id, exchangeId: 'binance', credentials: { apiKey: e.apiKey, secret: e.secret }, clock, apiUrls: ccxtUrlsAt(e.url), network: { timeoutMs: 3000, ...network }, inProcess }),
    ]),
  );
}

/** One market of one local exchange as its depth websocket names it. */
export interface DepthStreamOf {
  venue: string;
  /** BASE/QUOTE. */
  symbol: string;
  /** The exchange's symbol, e.g. BTCUSDT. */
  exchangeSymbol: string;
}

/** One depth-connection actor per market: books and market.stale/live for the trading system. */
export function depthConnectionActors(markets: DepthStreamOf[], endpoints: Record<string, ExchangeEndpoint>, venues: Record<string, CcxtVenue>, silenceMs: number): Array<ActorSpec & { close(): void }> {
  return markets.map((m) =>
    marketConnectionActor({
      venue: m.venue, symbol: m.symbol, streamId: m.exchangeSymbol.toLowerCase(), wsUrl: `${endpoints[m.venue]!.url.replace(/^http/, 'ws')}/ws`, silenceMs,
      fetchSnapshot: () => venues[m.venue]!.fetchDepthSnapshot(m.symbol, 100),
    }),
  );
}
