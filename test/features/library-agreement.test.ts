import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BollingerBands, BollingerBandsWidth, EMA, MACD, PercentB, RSI } from 'trading-signals';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { buildFeatureMatrix } from '../../actors/features/build-feature-matrix.js';
import { FEATURE_CATALOG } from '../../actors/features/catalog.js';

const series = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');
const candles = series.candles.slice(0, 2000);

test('indicator features equal trading-signals streamed bar by bar over 2,000 real 1m bars', () => {
  const matrix = buildFeatureMatrix(candles, { timeframeMs: series.timeframeMs });
  const column = (name: string) => {
    const i = matrix.features.findIndex((f) => f.name === name);
    assert.ok(i >= 0, `${name} is in the matrix`);
    return i;
  };
  const rsi = new RSI(14);
  const macd = new MACD(new EMA(12), new EMA(26), new EMA(9));
  const percentB = new PercentB({ interval: 20, deviationMultiplier: 2 });
  const bandwidth = new BollingerBandsWidth(new BollingerBands(20, 2));
  const byTs = new Map(matrix.rows.map((r) => [r.ts, r]));
  let compared = 0;
  for (const candle of candles) {
    const expected = { rsi: rsi.add(candle.close), macd: macd.add(candle.close), b: percentB.add(candle.close), w: bandwidth.add(candle.close) };
    const row = byTs.get(candle.ts);
    if (row === undefined) continue;
    assert.equal(row.values[column('rsi_14')], expected.rsi);
    assert.equal(row.values[column('macd_line')], expected.macd!.macd);
    assert.equal(row.values[column('macd_signal')], expected.macd!.signal);
    assert.equal(row.values[column('macd_histogram')], expected.macd!.histogram);
    assert.equal(row.values[column('bb_percent_b')], expected.b);
    assert.equal(row.values[column('bb_bandwidth')], expected.w);
    assert.equal(row.values[column('close')], candle.close);
    assert.equal(row.knownAt, candle.ts + series.timeframeMs);
    compared++;
  }
  assert.equal(compared, candles.length - 33, 'every bar after the longest warm-up (MACD signal, 33 bars) has a row');
});

test('each feature warms up exactly as long as it states, then has a value on every bar', () => {
  for (const feature of FEATURE_CATALOG.filter((f) => f.needs === 'candles')) {
    const step = feature.start();
    const values = candles.map((candle) => step({ candle, closeTs: candle.ts + series.timeframeMs, news: [] }));
    const first = values.findIndex((v) => v !== null);
    assert.equal(first, feature.warmUp, `${feature.name}: first value at bar ${first}, states ${feature.warmUp}`);
    assert.ok(values.slice(first).every((v) => v !== null && Number.isFinite(v)), `${feature.name}: a value on every bar after warm-up`);
  }
});

test('at least eight features come from candles alone, each with a source and a lag', () => {
  const { features } = buildFeatureMatrix(candles.slice(0, 50), { timeframeMs: series.timeframeMs });
  assert.ok(features.length >= 8);
  assert.deepEqual(new Set(features.map((f) => f.group)), new Set(['price_data', 'technical_indicators']));
  for (const f of features) assert.ok(f.source.startsWith('candles: ') && f.lag !== '', f.name);
});
