import { InputError } from '../../runtime/errors.js';
import type { MessageType } from '../../runtime/messages.js';
import { aiInputOn } from '../ai/ai-input.js';
import { declareStrategy } from '../catalogue/strategy-declaration.js';
import { patternReversalMachine } from './pattern-reversal.machine.js';
import { patternReversalParams } from './params.js';

const SUBSCRIBES: readonly MessageType[] = ['candle.closed', 'pattern.detected', 'pattern.invalidated'];

export const declaration = declareStrategy({
  name: 'pattern-reversal',
  family: 'ai_trading',
  summary: "long on a bullish harmonic, Elliott or Wyckoff pattern from the market's pattern actor, with risk, liquidity and regime agreeing; exits when it breaks, on target, stop or risk: the patterns-alone baseline",
  machine: { file: 'actors/strategies/pattern-reversal/pattern-reversal.machine.ts', id: patternReversalMachine.id },
  params: patternReversalParams,
  subscribes: SUBSCRIBES,
  needs: ['candles'],
  runs: ['backtest', 'paper', 'live'],
  // No pattern kind showed an edge that holds across the recorded markets (docs/patterns.md, Evaluation).
  inDefaultSession: false,
  actor: (host, p) => {
    // Without a pattern actor the pattern guard passes every bar: it would buy on every bar the others allow.
    if (!host.patterns) throw new InputError('pattern-reversal trades the pattern actor\'s signals: run it where one runs (not --no-patterns, not --host direct)');
    const { profitTarget, stopLoss, maxRisk, regimes, patternBars } = p;
    const input = aiInputOn(host, p.fraction, { threshold: 0, profitTarget, stopLoss, maxRisk, regimes, patternBars }, true);
    return { name: `strategy:${host.name}`, machine: patternReversalMachine, input, subscribe: SUBSCRIBES };
  },
});
