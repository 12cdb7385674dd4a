import { marketMakerMachine, type MarketMakerInput } from './market-maker.machine.js';
import { declareStrategy } from '../catalogue/strategy-declaration.js';
import { marketMakingParams } from './params.js';

export const declaration = declareStrategy({
  name: 'market-making',
  family: 'market_making',
  summary: 'quotes both sides around mid; spread = base × volatility factor × risk factor, skewed by inventory',
  machine: { file: 'actors/strategies/market-making/market-maker.machine.ts', id: marketMakerMachine.id },
  params: marketMakingParams,
  subscribes: ['candle.closed', 'risk.changed'],
  needs: ['candles'],
  runs: ['backtest', 'paper', 'live'],
  restsOrders: true,
  actor(host, p) {
    const { volatilityWindow, ...params } = p;
    const input: MarketMakerInput = { strategy: host.name, session: host.session, venue: host.venue, symbol: host.symbol, window: volatilityWindow, params };
    return { name: `strategy:${host.name}`, machine: marketMakerMachine, input, subscribe: ['candle.closed', 'risk.changed'] };
  },
});
