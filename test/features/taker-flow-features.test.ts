import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TAKER_FLOW_FEATURES } from '../../actors/features/taker-flow-features.js';
import type { FeatureBar } from '../../actors/features/feature.js';
import type { Trade } from '../../actors/market-data/trades/trade.js';

const buy = (qty: number): Trade => ({ ts: 0, price: 100, qty, takerSide: 'buy' });
const sell = (qty: number): Trade => ({ ts: 0, price: 100, qty, takerSide: 'sell' });

/** Bar 2 lies outside the trades' span (undefined); bar 3 is inside it but nobody traded. */
const bars: (readonly Trade[] | undefined)[] = [[buy(2), sell(0.5)], [sell(3), buy(1)], undefined, [], [buy(0.25)]];

function run(name: string): (number | null)[] {
  const step = TAKER_FLOW_FEATURES.find((f) => f.name === name)!.start();
  return bars.map((trades, i) => {
    const bar: FeatureBar = { candle: { ts: i * 1000, open: 100, high: 100, low: 100, close: 100, volume: 1 }, closeTs: (i + 1) * 1000, news: [], trades };
    return step(bar);
  });
}

test('taker signed volume: buy qty minus sell qty in the bar; none where the trades do not cover it', () => {
  assert.deepEqual(run('taker_signed_volume'), [1.5, -2, null, 0, 0.25]);
});

test('cvd: the running sum of signed volume since the first covered bar, carried over a bar it cannot see', () => {
  assert.deepEqual(run('cvd'), [1.5, -0.5, null, -0.5, -0.25]);
});

test('taker imbalance: signed over traded volume, 0 on a covered bar without trades', () => {
  assert.deepEqual(run('taker_imbalance'), [1.5 / 2.5, -2 / 4, null, 0, 1]);
});
