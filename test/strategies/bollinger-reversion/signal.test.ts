import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BollingerBands } from 'trading-signals';
import { initialBollingerState, stepBollinger, type BollingerParams, type BollingerState } from '../../../actors/strategies/bollinger-reversion/signal.js';
import type { Want } from '../../../machines/long-flat.signal.js';
import { loadCandles } from '../../../actors/market-data/candles/load-candles.js';

const closes = loadCandles('data/candles/ETH_BTC-5m.json').candles.map((c) => c.close);

function wants(series: readonly number[], p: BollingerParams): Want[] {
  let state: BollingerState = initialBollingerState;
  return series.map((close) => {
    const r = stepBollinger(state, close, p);
    state = r.state;
    return r.want;
  });
}

/** trading-signals' own streaming indicator over the whole series, read bar by bar. */
function libraryWants(series: readonly number[], p: BollingerParams): Want[] {
  const bands = new BollingerBands(p.period, p.stdDevs);
  return series.map((close) => {
    const b = bands.add(close);
    return b === null ? undefined : close < b.lower ? 'long' : close > b.middle ? 'flat' : undefined;
  });
}

test('on real ETH/BTC 5m closes the decisions match trading-signals\' streaming BollingerBands bar for bar', () => {
  for (const p of [{ period: 20, stdDevs: 2 }, { period: 7, stdDevs: 1.5 }]) {
    const ours = wants(closes, p);
    assert.deepEqual(ours, libraryWants(closes, p), `period ${p.period}, ${p.stdDevs} sd`);
    assert.ok(ours.slice(0, p.period - 1).every((w) => w === undefined), 'no opinion before a full window');
    assert.ok(ours.filter((w) => w === 'long').length > 50 && ours.filter((w) => w === 'flat').length > 1000, 'both decisions occur');
  }
});

test('no look-ahead: the decision at t is the same whatever the closes after t are', () => {
  const p = { period: 20, stdDevs: 2 };
  const base = wants(closes, p);
  for (const t of [19, 500, 2500, closes.length - 2]) {
    const changed = [...closes.slice(0, t + 1), ...closes.slice(t + 1).map((c, i) => (i % 2 === 0 ? c * 0.5 : c * 3))];
    const other = wants(changed, p);
    assert.deepEqual(other.slice(0, t + 1), base.slice(0, t + 1), `decisions up to ${t}`);
    assert.notDeepEqual(other.slice(t + 1), base.slice(t + 1), 'the later decisions do read the later closes');
  }
});

test('the state is the last `period` closes as plain JSON, and a step leaves the state it was given as it was', () => {
  const p = { period: 5, stdDevs: 2 };
  let state: BollingerState = initialBollingerState;
  for (const close of closes.slice(0, 12)) {
    const before = JSON.stringify(state);
    const next = stepBollinger(state, close, p).state;
    assert.equal(JSON.stringify(state), before);
    state = next;
  }
  assert.deepEqual(JSON.parse(JSON.stringify(state)), { closes: closes.slice(7, 12) });
});

test('by hand: below the lower band wants long, above the middle wants flat, in between no opinion', () => {
  const p = { period: 3, stdDevs: 1 };
  const at = (window: number[]) => wants(window, p).at(-1);
  assert.equal(at([10, 10]), undefined, 'short window');
  assert.equal(at([10, 10, 4]), 'long'); // middle 8, sd √8 ≈ 2.83: lower 5.17 > 4
  assert.equal(at([10, 10, 11]), 'flat'); // middle 10.33 < 11
  assert.equal(at([10, 12, 10]), undefined); // middle 10.67, lower 9.72 ≤ 10 ≤ middle
});
