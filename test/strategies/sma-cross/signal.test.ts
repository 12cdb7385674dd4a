import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossSeries, initialSmaState, smaWindow, stepSma, type SmaState } from '../../../actors/strategies/sma-cross/signal.js';
import { loadCandles } from '../../../actors/market-data/candles/load-candles.js';

/** Independent reference: SMAs recomputed from slices, crosses by the definition. */
function naiveCrosses(closes: number[], fast: number, slow: number): Array<'up' | 'down' | null> {
  const sma = (end: number, n: number) => closes.slice(end - n + 1, end + 1).reduce((a, b) => a + b, 0) / n;
  const out: Array<'up' | 'down' | null> = [];
  for (let t = 0; t < closes.length; t++) {
    if (t < slow - 1) {
      out.push(null);
      continue;
    }
    const d = sma(t, fast) - sma(t, slow);
    let prev = 0;
    for (let u = t - 1; u >= slow - 1; u--) {
      const e = sma(u, fast) - sma(u, slow);
      if (e !== 0) {
        prev = e;
        break;
      }
    }
    out.push(d > 0 && prev < 0 ? 'up' : d < 0 && prev > 0 ? 'down' : null);
  }
  return out;
}

test('crosses by hand: fast 2 / slow 3', () => {
  // t:       0  1  2  3  4  5  6
  // closes: 10  9  8  9 11 10  8
  // sma2:    -  -  8.5 8.5 10 10.5 9
  // sma3:    -  -  9  8.667 9.333 10 9.667
  // sign:          -  -   +   +    -      → up at t=4, down at t=6
  assert.deepEqual(crossSeries([10, 9, 8, 9, 11, 10, 8], { fast: 2, slow: 3 }), [null, null, null, null, 'up', null, 'down']);
});

test('a bar where the SMAs are equal does not reset the last sign', () => {
  // sma1 = close, sma2 = mean of last two. t=1: 1 vs 1.5 (−); t=2: 2 vs 1.5 (+) up; t=3: 2 vs 2 (=); t=4: 1 vs 1.5 (−) down
  assert.deepEqual(crossSeries([2, 1, 2, 2, 1], { fast: 1, slow: 2 }), [null, null, 'up', null, 'down']);
  // equal bars between two negatives: no cross
  assert.deepEqual(crossSeries([2, 1, 1, 0.5], { fast: 1, slow: 2 }), [null, null, null, null]);
});

test('the first defined bar is never a cross (no earlier differing bar)', () => {
  assert.deepEqual(crossSeries([1, 2, 3], { fast: 1, slow: 2 }), [null, null, null]);
});

test('matches the naive reference on real ADA/BTC closes', () => {
  const closes = loadCandles('data/candles/ADA_BTC-5m.json').candles.slice(0, 1500).map((c) => c.close);
  const got = crossSeries(closes, { fast: 10, slow: 30 });
  assert.deepEqual(got, naiveCrosses(closes, 10, 30));
  assert.ok(got.filter((c) => c !== null).length > 20, 'the sample has crosses to compare');
});

test('a state reads the same after later steps, and stepping an old state again gives the same answer', () => {
  const closes = loadCandles('data/candles/ADA_BTC-5m.json').candles.slice(0, 3000).map((c) => c.close);
  const p = { fast: 5, slow: 12 };
  let state = initialSmaState;
  const states: SmaState[] = [];
  for (const c of closes) {
    states.push(state);
    state = stepSma(state, c, p).state;
  }
  // Past the compaction point (1,024 closes) and back: every kept state still holds its own window.
  for (const t of [0, 11, 12, 500, 1023, 1024, 1025, 2999]) {
    assert.deepEqual(smaWindow(states[t]!, p.slow), closes.slice(Math.max(0, t - p.slow), t), `window at ${t}`);
    const again = stepSma(states[t]!, closes[t]!, p);
    assert.deepEqual(smaWindow(again.state, p.slow), closes.slice(Math.max(0, t + 1 - p.slow), t + 1), `re-step at ${t}`);
    assert.deepEqual(smaWindow(states[t]!, p.slow), closes.slice(Math.max(0, t - p.slow), t), `window at ${t} after a re-step`);
  }
});
