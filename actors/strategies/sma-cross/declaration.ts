import { smaCrossMachine } from './sma-cross.machine.js';
import { declareStrategy } from '../catalogue/strategy-declaration.js';
import { longFlatActor } from '../catalogue/long-flat-actor.js';
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
  actor: (host, p) => longFlatActor(host, smaCrossMachine, p.fraction, { fast: p.fast, slow: p.slow }),
});
