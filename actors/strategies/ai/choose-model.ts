import type { StoredModel } from '../../models/store/stored-model.js';
import { formatTimeframe } from '../../market-data/candles/timeframe.js';
import { modelFeatures } from './model-features.js';

/** The stored models of one journal, as the AI strategy looks them up. */
export interface ModelShelf {
  /** Where they are, for messages (the journal file). */
  where: string;
  /** Every stored model, newest first. */
  list(): StoredModel[];
  get(id: string): StoredModel | undefined;
  /** The enabled model `best` names, if any. */
  best(): StoredModel | undefined;
}

export const TRAIN_HINT = 'train one: arbiter train --model lstm --data <candles.json> --walk-forward';

/** The model the strategy trades, with a warning when it trades one that is disabled; or why it cannot trade. */
export type ModelChoice = { stored: StoredModel; warning?: string } | { unavailable: string };

/**
 * The model `ref` names on `shelf` (an id, or `best`). A disabled model is refused with the reason its walk-forward
 * evaluation stored, unless `allowDisabled`; a model whose features the strategy cannot compute from candles, or that was
 * trained on bars of another length than the run's `timeframeMs`, is refused even then.
 */
export function chooseModel(ref: string, shelf: ModelShelf | undefined, allowDisabled = false, timeframeMs?: number): ModelChoice {
  if (!shelf) return { unavailable: `no stored model (the run has no journal): ${TRAIN_HINT}` };
  const all = shelf.list();
  if (all.length === 0) return { unavailable: `no stored model in ${shelf.where}: ${TRAIN_HINT}` };
  let stored: StoredModel;
  if (ref === 'best') {
    const best = shelf.best();
    if (best) stored = best;
    else if (allowDisabled) stored = all[0]!;
    else return { unavailable: `no enabled model in ${shelf.where} (${all.length} stored); the newest, ${all[0]!.id}, is disabled: ${all[0]!.reason}` };
  } else {
    const found = shelf.get(ref);
    if (!found) return { unavailable: `model "${ref}" is not in ${shelf.where}; stored: ${all.slice(0, 5).map((m) => m.id).join(', ')}${all.length > 5 ? `, … (${all.length})` : ''}` };
    stored = found;
  }
  const missing = modelFeatures(stored.features).missing;
  if (missing.length > 0) return { unavailable: `${stored.id} needs ${missing.join(', ')}, which the run lacks: the ai strategy computes features from its candles alone` };
  if (timeframeMs !== undefined && stored.data.timeframeMs !== timeframeMs) {
    return { unavailable: `${stored.id} was trained on ${formatTimeframe(stored.data.timeframeMs)} bars; this run's are ${formatTimeframe(timeframeMs)}` };
  }
  if (stored.enabled) return { stored };
  if (!allowDisabled) return { unavailable: disabled(stored) };
  return { stored, warning: `trading ${disabled(stored)}` };
}

function disabled(m: StoredModel): string {
  return `${m.id} is disabled: ${m.reason}`;
}
