import { test } from 'node:test';
import assert from 'node:assert/strict';
import { klines, intervalMs, type TapeTrade } from '../../../actors/venues/local-exchange/klines.js';
import { BinanceReject } from '../../../actors/venues/local-exchange/exchange-state.js';

const tape: TapeTrade[] = [
  { time: 60_500, price: 100, qty: 1, takerBuy: true },
  { time: 61_000, price: 102, qty: 2, takerBuy: false },
  { time: 119_999, price: 99, qty: 1, takerBuy: true },
  // no trade in [120000, 180000)
  { time: 185_000, price: 101, qty: 3, takerBuy: false },
];

test("klines: Binance's 12-field rows, bars without trades flat at the previous close, the forming bar last", () => {
  const rows = klines(tape, '1m', 200_000, {});
  assert.deepEqual(rows, [
    [60_000, '100.00000000', '102.00000000', '99.00000000', '99.00000000', '4.00000000', 119_999, '403.00000000', 3, '2.00000000', '199.00000000', '0'],
    [120_000, '99.00000000', '99.00000000', '99.00000000', '99.00000000', '0.00000000', 179_999, '0.00000000', 0, '0.00000000', '0.00000000', '0'],
    [180_000, '101.00000000', '101.00000000', '101.00000000', '101.00000000', '3.00000000', 239_999, '303.00000000', 1, '0.00000000', '0.00000000', '0'],
  ]);
});

test('klines: startTime is the first open time served, endTime and limit cut the end; no trades, no bars', () => {
  assert.deepEqual(klines(tape, '1m', 200_000, { startTime: 60_001 }).map((r) => r[0]), [120_000, 180_000]);
  assert.deepEqual(klines(tape, '1m', 200_000, { startTime: 120_000, endTime: 150_000 }).map((r) => r[0]), [120_000]);
  assert.deepEqual(klines(tape, '1m', 200_000, { limit: 2 }).map((r) => r[0]), [120_000, 180_000], 'without startTime, the latest bars');
  assert.deepEqual(klines(tape, '1m', 200_000, { startTime: 0, limit: 1 }).map((r) => r[0]), [60_000]);
  assert.deepEqual(klines([], '1s', 200_000, {}), []);
});

test('klines: intervals as Binance names them; an unknown one is -1120', () => {
  assert.equal(intervalMs('1s'), 1_000);
  assert.equal(intervalMs('15m'), 900_000);
  assert.equal(intervalMs('1w'), 604_800_000);
  assert.throws(() => intervalMs('7m'), (e: unknown) => e instanceof BinanceReject && e.code === -1120);
});
