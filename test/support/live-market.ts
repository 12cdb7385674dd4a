import { listedMarkets } from '../../actors/venues/local-exchange/listed-markets.js';
import { LocalExchange } from '../../actors/venues/local-exchange/server.js';
import { BookMover } from '../../actors/venues/local-exchange/book-mover.js';
import { Crowd } from '../../actors/venues/local-exchange/crowd.js';

/** The account a live session trades from on the local exchange. */
export const LIVE_KEY = { apiKey: 'live-key', secret: 'live-secret' };
/** The real Binance BTCUSDT mid of the listed snapshot (2020-10-09). */
export const LIVE_MID = 10895.24;

export interface LiveMarket {
  ex: LocalExchange;
  mover: BookMover;
  crowd: Crowd;
  stop(): Promise<void>;
}

/** A local Binance with a BTCUSDT book that moves and a crowd that trades, so 1s bars close and quotes fill. */
export async function startLiveMarket(): Promise<LiveMarket> {
  const ex = await LocalExchange.start({
    markets: listedMarkets(['BTCUSDT']),
    accounts: { [LIVE_KEY.apiKey]: { secret: LIVE_KEY.secret, balances: { USDT: 10_000, BTC: 1 } } },
  });
  const mover = new BookMover([{ exchange: ex, symbol: 'BTCUSDT', mid: LIVE_MID, halfSpread: 0.0002, topQty: 0.01, tickSize: 0.01 }], 0.001, 3);
  mover.step();
  const crowd = new Crowd({ exchange: ex, symbol: 'BTCUSDT', qty: 0.015 });
  mover.start(100);
  crowd.start(60);
  return {
    ex,
    mover,
    crowd,
    async stop() {
      crowd.stop();
      mover.stop();
      await ex.close();
    },
  };
}

/** Config input for market making live on that exchange over real ccxt (a YAML file may hold the same). */
export function liveConfigInput(ex: LocalExchange) {
  const v3 = `${ex.url}/api/v3`;
  return {
    live: { exchange: 'binance', symbol: 'BTC/USDT', timeframe: '1s', pollMs: 200, staleAfterFailures: 3, urls: { public: v3, private: v3 } },
    // 0.002 BTC is about 22 USDT: above BTCUSDT's MIN_NOTIONAL of 10.
    strategies: { marketMaking: { orderAmount: 0.002, inventoryLimit: 0.01 } },
  };
}
