import { z } from 'zod';
import { aiParams } from '../ai/params.js';

/** pattern-reversal parameters: the ai strategy's guards without a model (no `model`, no `threshold`). */
export const patternReversalParams = aiParams.omit({ model: true, threshold: true }).extend({
  patternBars: z.number().int().positive().default(3).describe("enter within this many bars of a bullish pattern's completion (its close is the signal)"),
});

export type PatternReversalParamValues = z.output<typeof patternReversalParams>;
