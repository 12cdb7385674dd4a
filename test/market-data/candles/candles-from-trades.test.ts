import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candlesFromTrades } from '../../../actors/market-data/candles/candles-from-trades.js';
import { InputError } from '../../../actors/runtime/errors.js';
import type { Trade } from '../../../actors/market-data/trades/trade.js';

const t = (ts: number, price: number, qty: number): Trade => ({ ts, price, qty, takerSide: 'buy' });

test('bars on multiples of the timeframe hold the trades in [open, open + tf); a bar without trades repeats the last close at volume 0', () => {
  const trades = [t(10_400, 100, 1), t(10_900, 103, 2), t(10_999, 101, 0.5), t(11_000, 99, 1), t(13_200, 104, 3)];
  assert.deepEqual(candlesFromTrades(trades, 1000), [
    { ts: 10_000, open: 100, high: 103, low: 100, close: 101, volume: 3.5 },
    { ts: 11_000, open: 99, high: 99, low: 99, close: 99, volume: 1 },
    { ts: 12_000, open: 99, high: 99, low: 99, close: 99, volume: 0 },
    { ts: 13_000, open: 104, high: 104, low: 104, close: 104, volume: 3 },
  ]);
});

test('no trades, a bad timeframe or trades out of order are input errors naming the field', () => {
  const isInput = (field: string) => (e: unknown) => e instanceof InputError && e.message.startsWith(`${field}: `);
  assert.throws(() => candlesFromTrades([], 1000), isInput('trades'));
  assert.throws(() => candlesFromTrades([t(1, 1, 1)], 0), isInput('timeframeMs'));
  assert.throws(() => candlesFromTrades([t(2000, 1, 1), t(1000, 1, 1)], 1000), isInput('trades'));
});
