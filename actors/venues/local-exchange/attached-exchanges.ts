import type { Clock } from '../../runtime/clock.js';
import { ArbiterError } from '../../runtime/errors.js';
import { withRetries, type RetryPolicy } from '../../runtime/retry.js';
import type { ActorSpec } from '../../runtime/actor-spec.js';
import type { CcxtVenue } from '../ccxt/ccxt-venue.js';
import type { NetworkOptions } from '../ccxt/network-options.js';
import { depthConnectionActors, exchangeClients, type DepthStreamOf } from './exchange-clients.js';
import type { ExchangeEndpoint } from './hosted-exchanges.js';
import { listedMarketOf } from './listed-markets.js';
import type { LocalMarketView } from './local-arbitrage-venues.js';

export interface AttachedExchanges {
  venues: Record<string, CcxtVenue>;
  /** Each venue's markets: rules from its exchangeInfo, books from a depth snapshot taken at attach. */
  markets: Record<string, LocalMarketView[]>;
  /** One depth-connection actor per market; closed by close(). */
  connectionActors(silenceMs: number): ActorSpec[];
  close(): Promise<void>;
}

/** The exchange may be misbehaving on purpose (arbiter chaos) while a session attaches: what can succeed later is tried again. */
const ATTACH_RETRY: RetryPolicy = { retries: 10, backoff: { minMs: 300, maxMs: 3_000, jitter: 0.5 } };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const retryable = (err: unknown) => !(err instanceof ArbiterError) || err.retryable;
const attempt = <T>(fn: () => Promise<T>) => withRetries(fn, ATTACH_RETRY, { retryable, sleep });

async function exchangeInfo(url: string): Promise<Array<Record<string, unknown>>> {
  return attempt(async () => {
    const res = await fetch(`${url}/api/v3/exchangeInfo`, { signal: AbortSignal.timeout(2_000) });
    if (!res.ok) throw new Error(`${url}: exchangeInfo answered HTTP ${res.status}`);
    return ((await res.json()) as { symbols: Array<Record<string, unknown>> }).symbols;
  });
}

/**
 * Local exchanges another process hosts (arbiter chaos): real ccxt clients that are not `inProcess` (the orders
 * outlive this process and reconciliation asks the exchange), their markets read over REST.
 */
export async function attachLocalExchanges(endpoints: Record<string, ExchangeEndpoint>, clock: Clock, network: Partial<NetworkOptions> = {}): Promise<AttachedExchanges> {
  const venues = exchangeClients(endpoints, clock, network, false);
  const markets: Record<string, LocalMarketView[]> = {};
  const streams: DepthStreamOf[] = [];
  const actors: Array<ActorSpec & { close(): void }> = [];
  try {
    for (const [id, endpoint] of Object.entries(endpoints)) {
      const listed = (await exchangeInfo(endpoint.url)).map(listedMarketOf);
      markets[id] = [];
      for (const m of listed) {
        const symbol = `${m.base}/${m.quote}`;
        const depth = await attempt(() => venues[id]!.fetchDepthSnapshot(symbol, 20));
        markets[id].push({ symbol: m.symbol, base: m.base, quote: m.quote, bids: depth.bids, asks: depth.asks, rules: { tickSize: m.tickSize, stepSize: m.stepSize, minQty: m.minQty, minNotional: m.minNotional } });
        streams.push({ venue: id, symbol, exchangeSymbol: m.symbol });
      }
    }
  } catch (err) {
    for (const v of Object.values(venues)) await v.close();
    throw err;
  }
  return {
    venues,
    markets,
    connectionActors(silenceMs) {
      actors.push(...depthConnectionActors(streams, endpoints, venues, silenceMs));
      return actors;
    },
    async close() {
      for (const a of actors) a.close();
      for (const v of Object.values(venues)) await v.close();
    },
  };
}
