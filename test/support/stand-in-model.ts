import { FEATURE_CATALOG } from '../../actors/features/catalog.js';
import type { FeatureInfo } from '../../actors/features/feature.js';
import type { Hyperparameters, Model, SavedModel } from '../../actors/models/model.js';
import type { Sample } from '../../actors/models/sample.js';
import type { ScalerState } from '../../actors/models/scaler.js';
import type { StoredModel } from '../../actors/models/store/stored-model.js';
import type { AiInput } from '../../actors/strategies/ai/ai.machine.js';

/** Every candle feature of the catalog, in catalog order: what a model trained on candles alone is given. */
export const CANDLE_FEATURES: FeatureInfo[] = FEATURE_CATALOG.filter((f) => f.needs === 'candles').map(({ name, group, source, lag, warmUp }) => ({ name, group, source, lag, warmUp }));

/**
 * A model that does not learn: P(up) is the scaled value of one feature at the window's last bar (so `log_return`
 * scaled symmetrically around 0 makes a momentum model). It keeps every window it was asked about.
 */
export class StandInModel implements Model {
  readonly kind = 'lstm' as const;
  readonly windows: number[][][] = [];
  constructor(
    readonly inputSize: number,
    readonly hyper: Hyperparameters,
    private readonly feature: number,
  ) {}
  fit(_samples: readonly Sample[]): Promise<{ loss: number }> {
    return Promise.resolve({ loss: 0 });
  }
  predict(window: readonly (readonly number[])[]): number {
    this.windows.push(window.map((row) => [...row]));
    return window[window.length - 1]![this.feature]!;
  }
  save(): SavedModel {
    return { kind: this.kind, inputSize: this.inputSize, hyper: this.hyper, weights: { feature: this.feature } };
  }
  dispose(): void {}
}

/** A StoredModel around `saved` with the catalog's candle features, enabled or disabled with `reason`. */
export function storedModel(saved: SavedModel, scaler: ScalerState, options: { enabled?: boolean; reason?: string; features?: FeatureInfo[]; timeframeMs?: number } = {}): Omit<StoredModel, 'id' | 'createdAt'> {
  const features = options.features ?? CANDLE_FEATURES;
  const enabled = options.enabled ?? true;
  const reason = options.reason ?? (enabled ? 'accuracy 56.0% vs persistence 50.1% (one-sided exact McNemar p = 0.01)' : 'accuracy 50.4% vs persistence 51.2% (one-sided exact McNemar p = 0.83)');
  const outOfSample = { accuracy: 0.56, baselineAccuracy: 0.501, samples: 400, brier: 0.24, pnl: 0.01 };
  return {
    saved,
    scaler,
    features,
    data: { file: 'candles.json', start: 0, end: 0, timeframeMs: options.timeframeMs ?? 60_000, sha256: '0'.repeat(64), rows: 0 },
    evaluation: {
      model: saved.kind,
      hyper: saved.hyper,
      features,
      folds: [],
      outOfSample,
      baselines: {},
      bestBaseline: 'persistence',
      significance: { test: 'one-sided exact McNemar', modelOnlyRight: 40, baselineOnlyRight: 20, pValue: enabled ? 0.01 : 0.83, alpha: 0.05 },
      enabled,
      reason,
    },
    enabled,
    reason,
  };
}

/** As stored: an id and a creation time. */
export function withId(model: Omit<StoredModel, 'id' | 'createdAt'>, id = `${model.saved.kind}-0000abcd`): StoredModel {
  return { ...model, id, createdAt: 0 };
}

const LOG_RETURN = CANDLE_FEATURES.findIndex((f) => f.name === 'log_return');

/**
 * A momentum stand-in over the candle features: log_return scaled symmetrically on [-0.2%, +0.2%], so
 * P(up) = 0.5 + r / 0.004. `model()` builds a fresh one (as a new process would); `scaler` goes with it.
 */
export const momentum = {
  hyper: { window: 3, hidden: 1, epochs: 1, learningRate: 0.1 } satisfies Hyperparameters,
  scaler: { min: CANDLE_FEATURES.map((_, j) => (j === LOG_RETURN ? -0.002 : 0)), max: CANDLE_FEATURES.map((_, j) => (j === LOG_RETURN ? 0.002 : 1)) } satisfies ScalerState,
  model: (): StandInModel => new StandInModel(CANDLE_FEATURES.length, momentum.hyper, LOG_RETURN),
};

/** The ai machine's input on the replay venue: 10,000 of capital, tight target and stop, every regime but high volatility. */
export function aiInput(symbol: string, { fraction, maxRisk }: { fraction: number; maxRisk: number }): AiInput {
  return {
    strategy: 'ai',
    venue: 'replay',
    symbol,
    capital: 10_000,
    feeRate: 0.001,
    fraction,
    params: { threshold: 0.1, profitTarget: 0.004, stopLoss: 0.003, maxRisk, regimes: ['trending-up', 'trending-down', 'ranging'], patternBars: 10 },
    patternActor: false,
  };
}
