import { SystemClock } from '../../../actors/runtime/clock.js';
import { CcxtVenue, type CcxtVenueOptions } from '../../../actors/venues/ccxt/ccxt-venue.js';
import { listedMarkets } from '../../../actors/venues/local-exchange/listed-markets.js';
import { LocalExchange } from '../../../actors/venues/local-exchange/server.js';

export const KEY = { apiKey: 'test-key', secret: 'test-secret' };

export async function startExchange(): Promise<LocalExchange> {
  return LocalExchange.start({
    markets: listedMarkets(['BTCUSDT', 'ETHUSDT', 'ETHBTC']),
    books: {
      BTCUSDT: { bids: [[10890, 1], [10880, 2]], asks: [[10900, 1], [10910, 2]] },
      ETHUSDT: { bids: [[350.1, 10]], asks: [[350.2, 10]] },
    },
    accounts: { [KEY.apiKey]: { secret: KEY.secret, balances: { USDT: 100_000, BTC: 2, ETH: 10 } } },
  });
}

/** A ccxt venue on `ex` whose waits (Retry-After, retry backoff) are recorded in `sleeps`; `more` overrides options, `more.network` field by field. */
export function venueFor(ex: LocalExchange, sleeps: number[] = [], more: Partial<CcxtVenueOptions> = {}): CcxtVenue {
  return new CcxtVenue({
    id: 'local-binance',
    exchangeId: 'binance',
    credentials: KEY,
    clock: new SystemClock(),
    apiUrls: ex.ccxtUrls(),
    sleep: (ms) => {
      sleeps.push(ms);
      return new Promise((r) => setTimeout(r, ms));
    },
    ...more,
    network: { timeoutMs: 400, ...more.network },
  });
}
