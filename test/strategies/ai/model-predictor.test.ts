import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFeatureMatrix } from '../../../actors/features/build-feature-matrix.js';
import { loadCandles } from '../../../actors/market-data/candles/load-candles.js';
import type { Candle } from '../../../actors/market-data/types.js';
import { fitScaler, scaleRow } from '../../../actors/models/scaler.js';
import { modelPredictor, BURN_IN_BARS } from '../../../actors/strategies/ai/model-predictor.js';
import { CANDLE_FEATURES, StandInModel, storedModel, withId } from '../../support/stand-in-model.js';

const series = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');
const candles = series.candles.slice(0, 400);
const matrix = buildFeatureMatrix(candles, { timeframeMs: series.timeframeMs });
const scaler = fitScaler(matrix.rows.map((r) => r.values));
const HYPER = { window: 4, hidden: 1, epochs: 1, learningRate: 0.1 };
const LOG_RETURN = CANDLE_FEATURES.findIndex((f) => f.name === 'log_return');
const stored = withId(storedModel(new StandInModel(CANDLE_FEATURES.length, HYPER, LOG_RETURN).save(), scaler));

/** Feeds `bars` one at a time as the machine does, keeping the last `history` as the buffer (JSON copies when `copy`). */
function feed(model: StandInModel, bars: readonly Candle[], start: Candle[] = []) {
  const predictor = modelPredictor(stored, model);
  let buffer = start;
  const ps = bars.map((bar) => {
    const p = predictor.predict(buffer, bar);
    buffer = [...buffer.slice(Math.max(0, buffer.length - predictor.history + 1)), bar];
    return p;
  });
  return { predictor, ps, buffer };
}

test('the window a model is given is the feature matrix\'s scaled rows, in the stored order, and none before it fills', () => {
  const model = new StandInModel(CANDLE_FEATURES.length, HYPER, LOG_RETURN);
  const { ps, predictor } = feed(model, candles);
  assert.equal(predictor.history, HYPER.window + 33 + BURN_IN_BARS, 'window + the slowest warm-up (MACD 26/9) + burn-in');
  const firstRow = candles.findIndex((c) => c.ts === matrix.rows[0]!.ts);
  const firstP = firstRow + HYPER.window - 1;
  assert.ok(ps.slice(0, firstP).every((p) => p === null), 'no prediction until every feature has a value for a whole window');
  assert.ok(ps.slice(firstP).every((p) => p !== null));
  assert.equal(model.windows.length, candles.length - firstP);
  model.windows.forEach((window, k) => {
    const expected = matrix.rows.slice(k, k + HYPER.window).map((r) => scaleRow(scaler, r.values));
    assert.deepEqual(window, expected, `window ending at bar ${firstP + k}`);
  });
});

test('rebuilt from a restored buffer, finite-memory features come back exactly and smoothed ones within 1e-3', () => {
  const cut = 300;
  const streamed = new StandInModel(CANDLE_FEATURES.length, HYPER, LOG_RETURN);
  const whole = feed(streamed, candles);
  const before = feed(new StandInModel(CANDLE_FEATURES.length, HYPER, LOG_RETURN), candles.slice(0, cut));
  const rebuilt = new StandInModel(CANDLE_FEATURES.length, HYPER, LOG_RETURN);
  const after = feed(rebuilt, candles.slice(cut), JSON.parse(JSON.stringify(before.buffer)) as Candle[]);
  assert.deepEqual(after.ps, whole.ps.slice(cut), 'the stand-in reads log_return: its decisions are the same');
  const tail = streamed.windows.slice(-rebuilt.windows.length);
  const smoothed = new Set(['rsi_14', 'macd_line', 'macd_signal', 'macd_histogram']);
  let worst = 0;
  rebuilt.windows.forEach((window, k) =>
    window.forEach((row, i) =>
      row.forEach((v, j) => {
        const name = CANDLE_FEATURES[j]!.name;
        if (smoothed.has(name)) worst = Math.max(worst, Math.abs(v - tail[k]![i]![j]!));
        else assert.equal(v, tail[k]![i]![j], `${name} at window ${k}`);
      }),
    ),
  );
  assert.ok(worst < 1e-3, `smoothed features differ by at most ${worst}`);
});

test('the same bar asked twice is one step: the stream advances once', () => {
  const model = new StandInModel(CANDLE_FEATURES.length, HYPER, LOG_RETURN);
  const predictor = modelPredictor(stored, model);
  const buffer: Candle[] = [];
  for (const bar of candles.slice(0, 100)) {
    const p = predictor.predict(buffer, bar);
    assert.equal(predictor.predict(buffer, bar), p);
    buffer.push(bar);
  }
  const once = feed(new StandInModel(CANDLE_FEATURES.length, HYPER, LOG_RETURN), candles.slice(0, 100));
  assert.deepEqual(model.windows.length, once.ps.filter((p) => p !== null).length);
});
