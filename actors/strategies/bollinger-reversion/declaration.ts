import { bollingerReversionMachine } from '../../../machines/bollinger-reversion.machine.js';
import type { LongFlatInput } from '../../../machines/long-flat.machine.js';
import { declareStrategy } from '../catalogue/strategy-declaration.js';
import { bollingerReversionParams } from './params.js';
import type { BollingerParams } from './signal.js';

export const declaration = declareStrategy({
  name: 'bollinger-reversion',
  family: 'ai_trading',
  summary: 'long when the close falls below the lower Bollinger band, flat when it is back above the middle band: the mean-reversion baseline',
  machine: { file: 'machines/bollinger-reversion.machine.ts', id: bollingerReversionMachine.id },
  params: bollingerReversionParams,
  subscribes: ['candle.closed'],
  needs: ['candles'],
  runs: ['backtest', 'paper', 'live'],
  inDefaultSession: false,
  actor(host, p) {
    const input: LongFlatInput<BollingerParams> = { strategy: host.name, venue: host.venue, symbol: host.symbol, capital: host.capital, feeRate: host.fees[host.venue] ?? 0, fraction: p.fraction, params: { period: p.period, stdDevs: p.stdDevs } };
    return { name: `strategy:${host.name}`, machine: bollingerReversionMachine, input, subscribe: ['candle.closed'] };
  },
});
