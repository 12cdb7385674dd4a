import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCandles } from '../../../actors/market-data/candles/load-candles.js';
import { detectGaps } from '../../../actors/market-data/candles/gaps.js';
import { InputError } from '../../../actors/runtime/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'arbiter-candles-'));
const write = (name: string, body: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
  return file;
};

test('array format: ADA_BTC-5m loads with its recorded values', () => {
  const s = loadCandles('data/candles/ADA_BTC-5m.json');
  assert.equal(s.format, 'array');
  assert.equal(s.symbol, 'ADA/BTC');
  assert.equal(s.candles.length, 5720);
  assert.equal(s.timeframeMs, 300_000);
  assert.deepEqual(s.candles[0], { ts: 1515560100000, open: 5.33e-5, high: 5.33e-5, low: 5.288e-5, close: 5.29e-5, volume: 431401.97869504 });
});

test('object format with string prices: BTC/USDT 1m week', () => {
  const s = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');
  assert.equal(s.format, 'object');
  assert.equal(s.symbol, 'BTC/USDT');
  assert.equal(s.candles.length, 10_080);
  assert.equal(s.timeframeMs, 60_000);
  assert.deepEqual(s.candles[0], { ts: 1613692800000, open: 51552.61, high: 51657.05, low: 51545, close: 51613.38, volume: 134.989218 });
  assert.deepEqual(s.gaps, []);
});

test('gaps in real data are reported, not filled', () => {
  const s = loadCandles('data/candles/ADA_BTC-5m.json');
  assert.equal(s.gaps.length, 5);
  const missing = s.gaps.reduce((n, g) => n + g.missingBars, 0);
  // 2018-01-10 04:55 → 2018-01-30 04:50 is 5,760 bars; 5,720 recorded
  assert.equal(missing, 5760 - 5720);
  for (const g of s.gaps) assert.ok(g.beforeTs - g.afterTs > 300_000);
});

test('detectGaps counts missing bars', () => {
  const c = (ts: number) => ({ ts, open: 1, high: 1, low: 1, close: 1, volume: 1 });
  assert.deepEqual(detectGaps([c(0), c(60), c(240), c(300)], 60), [{ afterTs: 60, beforeTs: 240, missingBars: 2 }]);
});

test('a non-numeric price names the file and row', () => {
  const file = write('bad-array.json', [[1000, 1, 2, 0.5, 1.5, 10], [2000, 1, 'x', 0.5, 1.5, 10]]);
  assert.throws(() => loadCandles(file), (e: unknown) => e instanceof InputError && e.message.includes(`${file}: candle at index 1: high is not a number`));
});

test('object rows with a missing field name the row and field', () => {
  const ok = { openTimeInMillis: 1000, open: '1', high: '2', low: '0.5', close: '1.5', volume: '3' };
  const file = write('bad-object.json', [ok, { ...ok, openTimeInMillis: 2000, close: undefined }]);
  assert.throws(() => loadCandles(file), (e: unknown) => e instanceof InputError && e.message.includes('candle at index 1: close is not a number'));
});

test('inconsistent OHLC, duplicate times and short rows are all listed', () => {
  const file = write('bad-many.json', [[1000, 1, 2, 0.5, 1.5, 10], [2000, 1, 0.9, 0.5, 1.5, 10], [1000, 1, 2, 0.5, 1.5, 10], [3000, 1, 2]]);
  try {
    loadCandles(file);
    assert.fail('expected an InputError');
  } catch (e) {
    assert.ok(e instanceof InputError);
    assert.equal(e.issues.length, 3);
    assert.match(e.issues[0]!, /candle at index 1: inconsistent OHLC/);
    assert.match(e.issues[1]!, /candle at index 2: time 1000 is not after the previous candle/);
    assert.match(e.issues[2]!, /candle at index 3: expected \[ms, open/);
  }
});

test('not JSON, not an array, empty, zero bytes: clear errors naming the file', () => {
  assert.throws(() => loadCandles(write('garbage.json', '[[1,')), /garbage\.json: not valid JSON/);
  assert.throws(() => loadCandles(write('obj.json', { a: 1 })), /obj\.json: expected a JSON array/);
  assert.throws(() => loadCandles(write('empty.json', [])), /empty\.json: no candles/);
  assert.throws(() => loadCandles(write('zero-bytes.json', '')), /zero-bytes\.json: no candles \(empty file\)/);
  assert.throws(() => loadCandles(join(dir, 'missing.json')), /missing\.json: cannot read/);
});
