import { buyAndHoldMachine } from './buy-and-hold.machine.js';
import { declareStrategy } from '../catalogue/strategy-declaration.js';
import { longFlatActor } from '../catalogue/long-flat-actor.js';
import { buyAndHoldParams } from './params.js';

export const declaration = declareStrategy({
  name: 'buy-and-hold',
  family: 'ai_trading',
  summary: 'long from the first bar, never exits: the passive baseline every active strategy must beat after fees',
  machine: { file: 'actors/strategies/buy-and-hold/buy-and-hold.machine.ts', id: buyAndHoldMachine.id },
  params: buyAndHoldParams,
  subscribes: ['candle.closed'],
  needs: ['candles'],
  runs: ['backtest', 'paper', 'live'],
  inDefaultSession: false,
  actor: (host, p) => longFlatActor(host, buyAndHoldMachine, p.fraction, {}),
});
