import type { Candle } from '../../market-data/types.js';
import type { FeatureStep } from '../../features/feature.js';
import type { Model } from '../../models/model.js';
import { scaleRow } from '../../models/scaler.js';
import type { StoredModel } from '../../models/store/stored-model.js';
import { modelFeatures } from './model-features.js';
import type { AiPredictor } from './predictor.js';

/**
 * Bars streamed through the features beyond their warm-up before a window fills, after a rebuild: enough for the
 * exponentially smoothed ones (RSI's Wilder average, MACD's EMAs) to forget how they were seeded, to about 1e-3.
 */
export const BURN_IN_BARS = 100;

/** The features' streaming state after some bar, and the scaled rows of the last `window` bars (null: a feature had no value). */
interface Stream {
  steps: FeatureStep[];
  rows: (number[] | null)[];
}

/**
 * A stored model as the AI machine's predictor: its features streamed bar by bar in its stored order, scaled with its
 * stored scaler, its window of rows given to `model.predict`.
 *
 * Feature steps hold indicator objects, which a persisted machine snapshot cannot; so they live here, keyed by the
 * last bar they consumed (the very candle object the machine keeps last in its buffer), and are handed on bar by bar.
 * A buffer this has no stream for (a machine restored from a persisted snapshot, or a restart after a crash mid-bar)
 * rebuilds one by streaming the buffer's bars: features over a finite window come back exactly, the smoothed ones
 * within BURN_IN_BARS' margin.
 */
export function modelPredictor(stored: StoredModel, model: Model): AiPredictor {
  const { definitions, missing } = modelFeatures(stored.features);
  if (missing.length > 0) throw new Error(`model ${stored.id}: features ${missing.join(', ')} cannot be computed from candles`);
  if (model.inputSize !== definitions.length) throw new Error(`model ${stored.id}: input size ${model.inputSize}, but ${definitions.length} features are stored`);
  const window = model.hyper.window;
  const timeframeMs = stored.data.timeframeMs;
  const history = window + Math.max(0, ...definitions.map((d) => d.warmUp)) + BURN_IN_BARS;

  const streams = new WeakMap<Candle, Stream>();
  let memo: { previous: Candle | undefined; bar: Candle; p: number | null } | undefined;

  function push(stream: Stream, candle: Candle): void {
    const bar = { candle, closeTs: candle.ts + timeframeMs, news: [] };
    const values = stream.steps.map((step) => step(bar));
    stream.rows.push(values.every((v): v is number => v !== null && Number.isFinite(v)) ? scaleRow(stored.scaler, values) : null);
    if (stream.rows.length > window) stream.rows.shift();
  }

  function rebuild(bars: readonly Candle[]): Stream {
    const stream: Stream = { steps: definitions.map((d) => d.start()), rows: [] };
    for (const candle of bars) push(stream, candle);
    return stream;
  }

  return {
    history,
    predict(before, bar) {
      const previous = before[before.length - 1];
      if (memo && memo.previous === previous && memo.bar === bar) return memo.p;
      const stream = (previous && streams.get(previous)) || rebuild(before);
      if (previous) streams.delete(previous);
      push(stream, bar);
      streams.set(bar, stream);
      const rows = stream.rows;
      const p = rows.length === window && rows.every((r) => r !== null) ? model.predict(rows as number[][]) : null;
      memo = { previous, bar, p };
      return p;
    },
  };
}
