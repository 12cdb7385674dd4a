import { InputError } from '../../runtime/errors.js';
import type { MessageType } from '../../runtime/messages.js';
import type { StoredModel } from '../../models/store/stored-model.js';
import { declareStrategy, type StrategyContext } from '../catalogue/strategy-declaration.js';
import { aiMachine, createAiMachine } from './ai.machine.js';
import { aiInputOn } from './ai-input.js';
import { chooseModel, type ModelChoice } from './choose-model.js';
import { withJournalShelf } from './journal-shelf.js';
import { modelPredictor } from './model-predictor.js';
import { aiParams } from './params.js';
import type { AiPredictor } from './predictor.js';

/** What `prepare` loads for the actor: the stored model and the predictor over it. */
export interface AiModel {
  stored: StoredModel;
  predictor: AiPredictor;
}

const SUBSCRIBES: readonly MessageType[] = ['candle.closed', 'pattern.detected', 'pattern.invalidated'];

function choose(model: string, context: StrategyContext): ModelChoice {
  return withJournalShelf(context.dbFile, (shelf) => chooseModel(model, shelf, context.allowDisabledModels, context.timeframeMs));
}

export const declaration = declareStrategy({
  name: 'ai',
  family: 'ai_trading',
  summary: "long when a stored, walk-forward-enabled model's P(up) clears a threshold with risk, liquidity, regime and pattern agreeing; exits on target, stop, risk, a broken pattern or a bearish model",
  machine: { file: 'actors/strategies/ai/ai.machine.ts', id: aiMachine.id },
  params: aiParams,
  subscribes: SUBSCRIBES,
  needs: ['candles'],
  runs: ['backtest', 'paper', 'live'],
  unavailable: (p, context) => {
    const choice = choose(p.model, context);
    return 'unavailable' in choice ? choice.unavailable : undefined;
  },
  prepare: async (p, context): Promise<AiModel> => {
    const choice = choose(p.model, context);
    if ('unavailable' in choice) throw new InputError(`ai: ${choice.unavailable}`);
    if (choice.warning) context.warn?.(`ai: ${choice.warning}`);
    // Loaded only when an ai strategy trades: brain.js and tfjs stay out of every other command's start-up.
    const { loadModel } = await import('../../models/load-model.js');
    const model = loadModel(choice.stored.saved);
    return { stored: choice.stored, predictor: modelPredictor(choice.stored, model) };
  },
  actor: (host, p, prepared) => {
    if (!prepared) throw new Error('ai: its actor is built from the model `prepare` loads; prepare it first');
    const { threshold, profitTarget, stopLoss, maxRisk, regimes, patternBars } = p;
    const input = aiInputOn(host, p.fraction, { threshold, profitTarget, stopLoss, maxRisk, regimes, patternBars }, host.patterns ?? false);
    return { name: `strategy:${host.name}`, machine: createAiMachine('ai', prepared.predictor), input, subscribe: SUBSCRIBES };
  },
});
