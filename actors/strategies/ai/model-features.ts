import { FEATURE_CATALOG } from '../../features/catalog.js';
import type { FeatureDefinition, FeatureInfo } from '../../features/feature.js';

/**
 * The streaming definitions of the features a model was trained on, in its stored order, from the catalog's
 * candle features (the AI strategy streams its own bars, nothing else), and those it cannot compute from candles,
 * each with the data it needs (`book_imbalance (books)`).
 */
export function modelFeatures(features: readonly FeatureInfo[]): { definitions: FeatureDefinition[]; missing: string[] } {
  const definitions: FeatureDefinition[] = [];
  const missing: string[] = [];
  for (const { name } of features) {
    const definition = FEATURE_CATALOG.find((d) => d.name === name && d.needs === 'candles');
    if (definition) definitions.push(definition);
    else missing.push(`${name} (${FEATURE_CATALOG.find((d) => d.name === name)?.needs ?? 'not in the feature catalog'})`);
  }
  return { definitions, missing };
}
