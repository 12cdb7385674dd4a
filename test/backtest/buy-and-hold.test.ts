import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strategyFactory } from '../../actors/backtest/strategies.js';
import type { Fill } from '../../actors/ledger/types.js';
import { load, run } from './helpers.js';

const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

function buyAndHold(pair: string, capital: number, fee: number, params: Record<string, unknown> = {}) {
  const series = load(pair);
  const { machine, input } = strategyFactory('buy-and-hold')({ name: 'buy-and-hold', venue: 'replay', symbol: series.symbol, capital, feeRate: fee, params });
  return { series, strategies: [{ name: 'buy-and-hold', series, capital, machine, input }] };
}

const fillsOf = (journal: readonly string[]): Fill[] =>
  journal.map((l) => JSON.parse(l) as { type?: string; fills?: Fill[] }).flatMap((m) => (m.type === 'orders.updated' ? m.fills! : []));

test('buy-and-hold on real ETC/BTC 5m: one buy at the second bar\'s open, held to the end; equity change = (last close / entry − 1) × invested − fees', async () => {
  const fee = 0.001;
  const { series, strategies } = buyAndHold('ETC_BTC-5m', 10, fee);
  const r = await run(series, { strategies, fee });
  const c = series.candles;
  const fills = fillsOf(r.journal);
  assert.equal(fills.length, 1);
  const [buy] = fills as [Fill];
  assert.equal(buy.side, 'buy');
  assert.equal(buy.price, c[1]!.open, 'filled at the open after the first close');
  near(buy.amount, 10 / (c[0]!.close * (1 + fee)), 'all cash, sized on the first close with the fee');
  near(buy.fee, buy.price * buy.amount * fee, 'fee');

  assert.equal(r.trades.length, 0, 'it never exits');
  assert.equal(r.open.length, 1);
  assert.equal(r.open[0]!.qty, buy.amount);
  const invested = buy.price * buy.amount;
  const last = c.at(-1)!.close;
  near(r.combined.equity.at(-1)! - 10, (last / buy.price - 1) * invested - buy.fee, 'equity change');
  assert.notEqual(last, buy.price);
});

test('buy-and-hold with half the cash under the default fill model (latency, spread, impact): the formula holds over its actual fills', async () => {
  const fee = 0.002;
  const { series, strategies } = buyAndHold('XMR_BTC-5m', 5, fee, { fraction: 0.5 });
  const r = await run(series, { strategies, fee, model: 'default' });
  const fills = fillsOf(r.journal);
  assert.ok(fills.length >= 1 && fills.every((f) => f.side === 'buy' && f.strategy === 'buy-and-hold'));
  const c = series.candles;
  assert.notEqual(fills[0]!.price, c[1]!.open, 'the default model fills away from the open');
  const qty = fills.reduce((a, f) => a + f.amount, 0);
  const invested = fills.reduce((a, f) => a + f.price * f.amount, 0);
  const fees = fills.reduce((a, f) => a + f.fee, 0);
  near(qty, (0.5 * 5) / (c[0]!.close * (1 + fee)), 'half the cash');
  const entry = invested / qty;
  near(r.combined.equity.at(-1)! - 5, (c.at(-1)!.close / entry - 1) * invested - fees, 'equity change');
});
