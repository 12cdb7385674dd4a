import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { load, run, writeCandles } from './helpers.js';

const M = 60_000;
const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

test('hand-worked sma-cross (fast 1, slow 2, fee 1%): fills at the next open, open position reported, not traded', async () => {
  // bar: open → close.  t=1 fast 1 < slow 1.5; t=2 2 > 1.5 up (buy at bar 3 open 1.9); t=4 1 < 2 down (sell at bar 5 open 1.1);
  // t=5 4 > 2.5 up (buy at bar 6 open 4.2, still open at the end)
  const file = writeCandles('HAND_T-1m.json', [[0, 10, 2], [M, 3, 1], [2 * M, 1.5, 2], [3 * M, 1.9, 3], [4 * M, 3.2, 1], [5 * M, 1.1, 4], [6 * M, 4.2, 5]]);
  const r = await run(loadCandles(file), { fee: 0.01, capital: 100, fast: 1, slow: 2 });
  const qty1 = 100 / (2 * 1.01); // sized on bar 2's close, fee included
  assert.equal(r.trades.length, 1);
  const t = r.trades[0]!;
  assert.equal(t.entryTime, 3 * M);
  assert.equal(t.entryPrice, 1.9);
  assert.equal(t.exitTime, 5 * M);
  assert.equal(t.exitPrice, 1.1);
  near(t.qty, qty1, 'qty');
  near(t.pnl, qty1 * (1.1 * 0.99 - 1.9 * 1.01), 'pnl');

  const cash = 100 - qty1 * 1.9 * 1.01 + qty1 * 1.1 * 0.99;
  const qty2 = cash / (4 * 1.01);
  assert.equal(r.open.length, 1);
  assert.equal(r.open[0]!.entryTime, 6 * M);
  assert.equal(r.open[0]!.entryPrice, 4.2);
  near(r.open[0]!.qty, qty2, 'open qty');
  near(r.combined.equity.at(-1)!, cash - qty2 * 4.2 * 1.01 + qty2 * 5, 'final equity');
  near(r.combined.metrics.totalReturn, r.combined.equity.at(-1)! / 100 - 1, 'total return');
  assert.equal(r.bars, 7);
});

/** Independent plain loop, written from the definition, to compare the actor path with. */
function referenceTrades(closes: number[], opens: number[], times: number[], fast: number, slow: number, fee: number, capital: number) {
  const sma = (t: number, n: number) => closes.slice(t - n + 1, t + 1).reduce((a, b) => a + b, 0) / n;
  const trades: Array<{ entryTime: number; entryPrice: number; exitTime: number; exitPrice: number; qty: number; pnl: number }> = [];
  let cash = capital;
  let qty = 0;
  let entry: { time: number; price: number } | undefined;
  let lastSign = 0;
  let pending: 'buy' | 'sell' | undefined;
  let pendingQty = 0;
  for (let t = 0; t < closes.length; t++) {
    if (pending === 'buy') {
      qty = pendingQty;
      cash -= qty * opens[t]! * (1 + fee);
      entry = { time: times[t]!, price: opens[t]! };
    } else if (pending === 'sell') {
      cash += qty * opens[t]! * (1 - fee);
      trades.push({ entryTime: entry!.time, entryPrice: entry!.price, exitTime: times[t]!, exitPrice: opens[t]!, qty, pnl: qty * (opens[t]! * (1 - fee) - entry!.price * (1 + fee)) });
      qty = 0;
    }
    pending = undefined;
    if (t < slow - 1) continue;
    const d = sma(t, fast) - sma(t, slow);
    if (d === 0) continue;
    const sign = d > 0 ? 1 : -1;
    if (sign === 1 && lastSign === -1 && qty === 0) {
      pending = 'buy';
      pendingQty = cash / (closes[t]! * (1 + fee));
    } else if (sign === -1 && lastSign === 1 && qty > 0) pending = 'sell';
    lastSign = sign;
  }
  return trades;
}

test('the actor path reproduces an independent plain-loop sma-cross on real ETH/BTC 5m data', async () => {
  const series = load('ETH_BTC-5m');
  const c = series.candles;
  const expected = referenceTrades(c.map((x) => x.close), c.map((x) => x.open), c.map((x) => x.ts), 10, 30, 0.001, 1);
  const r = await run(series, { host: 'trading' });
  assert.ok(expected.length > 100);
  assert.equal(r.trades.length, expected.length);
  r.trades.forEach((t, i) => {
    const e = expected[i]!;
    assert.equal(t.entryTime, e.entryTime);
    assert.equal(t.exitTime, e.exitTime);
    assert.equal(t.entryPrice, e.entryPrice);
    assert.equal(t.exitPrice, e.exitPrice);
    near(t.qty, e.qty, `trade ${i} qty`);
    near(t.pnl, e.pnl, `trade ${i} pnl`);
  });
  // no look-ahead: every entry is at the open of a bar strictly after some bar's close that decided it
  for (const t of r.trades) assert.ok(c.findIndex((x) => x.ts === t.entryTime) > 0);
});
