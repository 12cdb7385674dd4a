import { createAiMachine } from '../ai/ai.machine.js';
import type { AiPredictor } from '../ai/predictor.js';

/** No model: a P(up) of 1 on every bar, so the signal guards never decide (signalStrong always, signalBearish never). */
export const NO_MODEL: AiPredictor = { history: 0, predict: () => 1 };

/**
 * pattern-reversal: the ai machine with no model. A bullish pattern from the pattern actor (with risk, liquidity,
 * regime and cash agreeing) is the entry; a broken pattern, the target, the stop or the risk limit the exit.
 */
export const patternReversalMachine = createAiMachine('pattern-reversal', NO_MODEL);
