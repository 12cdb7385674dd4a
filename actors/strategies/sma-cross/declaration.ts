import { smaCrossMachine, type SmaCrossInput } from './sma-cross.machine.js';
import { declareStrategy } from '../catalogue/strategy-declaration.js';
import { smaCrossParams } from './params.js';

export const declaration = declareStrategy({
  name: 'sma-cross',
  family: 'ai_trading',
  summary: 'long when the fast SMA of closes is above the slow one, flat otherwise: the trend baseline AI models must beat',
  machine: { file: 'actors/strategies/sma-cross/sma-cross.machine.ts', id: smaCrossMachine.id },
  params: smaCrossParams,
  subscribes: ['candle.closed'],
  needs: ['candles'],
  runs: ['backtest', 'paper', 'live'],
  inDefaultSession: false,
  actor(host, p) {
    const input: SmaCrossInput = { strategy: host.name, venue: host.venue, symbol: host.symbol, capital: host.capital, feeRate: host.fees[host.venue] ?? 0, fraction: p.fraction, fast: p.fast, slow: p.slow };
    return { name: `strategy:${host.name}`, machine: smaCrossMachine, input, subscribe: ['candle.closed'] };
  },
});
