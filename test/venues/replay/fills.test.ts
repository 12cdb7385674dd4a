import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillLimitOnCandle, fillOnCandle } from '../../../actors/venues/replay/candle-fill.js';
import { fillModel, parseFillModelName, type FillModel } from '../../../actors/venues/replay/fill-model.js';
import { walkBook } from '../../../actors/venues/replay/book-walk.js';
import { InputError } from '../../../actors/runtime/errors.js';

const bar = { ts: 0, open: 100, high: 110, low: 90, close: 105, volume: 400 };
const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);

test('optimistic: the whole order at the open, fee on notional', () => {
  const f = fillOnCandle(fillModel('optimistic', 0.001), 'buy', 1000, bar, 60_000, 0)!;
  assert.equal(f.price, 100);
  assert.equal(f.amount, 1000);
  near(f.fee, 100 * 1000 * 0.001);
});

test('volume model: half spread + impact × √participation, capped participation', () => {
  const m: FillModel = { name: 't', takerFee: 0.002, makerFee: 0, halfSpread: 0.001, impact: 0.02, latencyMs: 0, maxParticipation: 0.25, maxBars: 3, limitOnTouch: false };
  const buy = fillOnCandle(m, 'buy', 1000, bar, 60_000, 0)!;
  // capped at 25% of 400 = 100; participation 0.25 → √ = 0.5; slip = 0.001 + 0.02 × 0.5 = 0.011
  assert.equal(buy.amount, 100);
  near(buy.price, 100 * 1.011);
  near(buy.fee, 100 * 1.011 * 100 * 0.002);
  const sell = fillOnCandle(m, 'sell', 25, bar, 60_000, 0)!;
  // participation 25/400 = 1/16 → √ = 0.25; slip = 0.001 + 0.005 = 0.006
  near(sell.price, 100 * 0.994);
});

test('latency moves the base price toward the adverse extreme of the bar', () => {
  const m: FillModel = { ...fillModel('optimistic', 0), latencyMs: 15_000 };
  // a quarter of a 60 s bar: buys pay open + 0.25 × (high − open), sells get open − 0.25 × (open − low)
  near(fillOnCandle(m, 'buy', 1, bar, 60_000, 15_000)!.price, 102.5);
  near(fillOnCandle(m, 'sell', 1, bar, 60_000, 15_000)!.price, 97.5);
});

test('presets get worse from optimistic to pessimistic', () => {
  const prices = (['optimistic', 'default', 'pessimistic'] as const).map((n) => fillOnCandle(fillModel(n, 0.001), 'buy', 10, bar, 60_000, fillModel(n, 0.001).latencyMs)!.price);
  assert.ok(prices[0]! < prices[1]! && prices[1]! < prices[2]!, prices.join(' < '));
  assert.throws(() => parseFillModelName('lucky'), InputError);
  assert.throws(() => fillModel('default', 1.5), InputError);
});

test('walking a recorded book: volume-weighted price, partial fill when depth runs out', () => {
  const book = { venue: 'v', symbol: 'X/Y', ts: 0, bids: [[99, 1], [98, 2]] as [number, number][], asks: [[101, 1], [102, 2], [104, 1]] as [number, number][] };
  const w = walkBook(book, 'buy', 2.5);
  near(w.avgPrice, (101 + 1.5 * 102) / 2.5);
  assert.equal(w.filled, 2.5);
  assert.equal(w.levelsUsed, 2);
  near(w.slippage, (w.avgPrice - 101) / 101);
  const all = walkBook(book, 'sell', 5);
  assert.equal(all.filled, 3);
  near(all.avgPrice, (99 + 2 * 98) / 3);
  assert.equal(walkBook(book, 'buy', 10, 1).filled, 1);
});

test('limit orders: fill at the limit (or a better open) with the maker fee when the bar trades through', () => {
  const m: FillModel = { ...fillModel('default', 0.002), makerFee: 0.001 };
  // default needs a trade through: low 90 < 95 fills a buy at 95; a buy at 90 (touch only) does not
  const buy = fillLimitOnCandle(m, 'buy', 50, 95, bar)!;
  assert.equal(buy.price, 95);
  assert.equal(buy.amount, 50);
  near(buy.fee, 95 * 50 * 0.001);
  assert.equal(fillLimitOnCandle(m, 'buy', 50, 90, bar), undefined);
  assert.equal(fillLimitOnCandle(fillModel('optimistic', 0), 'buy', 50, 90, bar)!.price, 90);
  // a sell limit below the open fills at the open
  assert.equal(fillLimitOnCandle(m, 'sell', 10, 99, bar)!.price, 100);
  assert.equal(fillLimitOnCandle(m, 'sell', 10, 111, bar), undefined);
  // capped at the participation limit (25% of 400)
  assert.equal(fillLimitOnCandle(m, 'sell', 1000, 105, bar)!.amount, 100);
});
