import type { Candle } from '../../market-data/types.js';

/**
 * What the AI machine asks of a trained model: P(the bar after `bar` closes above `bar`'s close), from `bar` and the
 * own bars before it (oldest first: the machine's buffer, at most `history` of them), or null while the model's
 * features warm up or its window fills. Deterministic: the same bars give the same answer, and no I/O.
 */
export interface AiPredictor {
  /** Own bars the machine keeps for it (feature warm-up, the model's window and a margin). */
  readonly history: number;
  predict(before: readonly Candle[], bar: Candle): number | null;
}
