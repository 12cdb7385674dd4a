import { bollingerReversionMachine } from './bollinger-reversion.machine.js';
import { declareStrategy } from '../catalogue/strategy-declaration.js';
import { longFlatActor } from '../catalogue/long-flat-actor.js';
import { bollingerReversionParams } from './params.js';

export const declaration = declareStrategy({
  name: 'bollinger-reversion',
  family: 'ai_trading',
  summary: 'long when the close falls below the lower Bollinger band, flat when it is back above the middle band: the mean-reversion baseline',
  machine: { file: 'actors/strategies/bollinger-reversion/bollinger-reversion.machine.ts', id: bollingerReversionMachine.id },
  params: bollingerReversionParams,
  subscribes: ['candle.closed'],
  needs: ['candles'],
  runs: ['backtest', 'paper', 'live'],
  inDefaultSession: false,
  actor: (host, p) => longFlatActor(host, bollingerReversionMachine, p.fraction, { period: p.period, stdDevs: p.stdDevs }),
});
