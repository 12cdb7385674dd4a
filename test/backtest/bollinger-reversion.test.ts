import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BollingerBands } from 'trading-signals';
import { strategyFactory } from '../../actors/backtest/strategies.js';
import type { Candle } from '../../actors/market-data/types.js';
import { load, run } from './helpers.js';

const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

/** Independent plain loop from the strategy's definition: decide on bar t's close, fill at bar t+1's open, fee on notional. */
function referenceTrades(c: readonly Candle[], period: number, stdDevs: number, fee: number, capital: number) {
  const bands = new BollingerBands(period, stdDevs);
  const trades: Array<{ entryTime: number; entryPrice: number; exitTime: number; exitPrice: number; qty: number }> = [];
  let cash = capital;
  let qty = 0;
  let entry = { time: 0, price: 0 };
  let pending: 'buy' | 'sell' | undefined;
  let pendingQty = 0;
  for (const bar of c) {
    if (pending === 'buy') {
      qty = pendingQty;
      cash -= qty * bar.open * (1 + fee);
      entry = { time: bar.ts, price: bar.open };
    } else if (pending === 'sell') {
      cash += qty * bar.open * (1 - fee);
      trades.push({ entryTime: entry.time, entryPrice: entry.price, exitTime: bar.ts, exitPrice: bar.open, qty });
      qty = 0;
    }
    pending = undefined;
    const b = bands.add(bar.close);
    if (b === null) continue;
    if (qty === 0 && cash > 0 && bar.close < b.lower) {
      pending = 'buy';
      pendingQty = cash / (bar.close * (1 + fee));
    } else if (qty > 0 && bar.close > b.middle) pending = 'sell';
  }
  return trades;
}

test('bollinger-reversion through the real backtest reproduces an independent plain loop on real LTC/BTC 5m data', async () => {
  const series = load('LTC_BTC-5m');
  const fee = 0.001;
  for (const params of [{}, { period: 12, stdDevs: 1.5 }]) {
    const { machine, input } = strategyFactory('bollinger-reversion')({ name: 'bollinger-reversion', venue: 'replay', symbol: series.symbol, capital: 1, feeRate: fee, params });
    const r = await run(series, { strategies: [{ name: 'bollinger-reversion', series, capital: 1, machine, input }], fee });
    const p = { period: 20, stdDevs: 2, ...params };
    const expected = referenceTrades(series.candles, p.period, p.stdDevs, fee, 1);
    assert.ok(expected.length > 20, `${JSON.stringify(p)}: ${expected.length} trades`);
    assert.equal(r.trades.length, expected.length, JSON.stringify(p));
    r.trades.forEach((t, i) => {
      const e = expected[i]!;
      assert.deepEqual([t.entryTime, t.entryPrice, t.exitTime, t.exitPrice], [e.entryTime, e.entryPrice, e.exitTime, e.exitPrice], `trade ${i}`);
      near(t.qty, e.qty, `trade ${i} qty`);
    });
  }
});
