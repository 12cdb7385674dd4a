import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { runBacktest } from '../../actors/backtest/run-backtest.js';
import { strategyFactory } from '../../actors/backtest/strategies.js';
import { fillModel } from '../../actors/venues/replay/fill-model.js';
import { InputError } from '../../actors/runtime/errors.js';

const full = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');
const series = { ...full, candles: full.candles.slice(0, 400) };

function strategies() {
  const { machine, input, requiresExecution } = strategyFactory('market-making')({ name: 'market-making', venue: 'replay', symbol: series.symbol, capital: 10_000, feeRate: 0.001, params: {} });
  return [{ name: 'market-making', series, capital: 10_000, machine, input, requiresExecution }];
}

test('the spec market maker backtests on the trading stack: resting limit quotes, cancels, maker fills', async () => {
  const r = await runBacktest({ strategies: strategies(), model: fillModel('default', 0.001), venueId: 'replay' });
  const lines = r.journal.map((l) => JSON.parse(l));
  const reports = lines.filter((m) => m.type === 'orders.updated');
  const fills = reports.flatMap((m) => m.fills);
  assert.ok(fills.length > 20, `fills: ${fills.length}`);
  assert.ok(fills.every((f) => f.liquidity === 'maker'));
  assert.ok(reports.some((m) => m.updates.some((o: { status: string }) => o.status === 'cancelled')), 'stale quotes are cancelled');
  // A bar's quote set (cancels and both sides) reaches risk as one message.
  assert.ok(lines.some((m) => m.type === 'order.intents' && m.intents.length >= 3), 'cancels and quotes travel together');
  assert.ok(r.trades.length > 0);
  assert.ok(r.trades.some((t) => t.side === 'short') || r.trades.some((t) => t.side === 'long'));
  const again = await runBacktest({ strategies: strategies(), model: fillModel('default', 0.001), venueId: 'replay' });
  assert.equal(again.journal.join('\n'), r.journal.join('\n'));
});

test('strategies that rest and cancel orders refuse the hosts without an execution actor', async () => {
  await assert.rejects(runBacktest({ strategies: strategies(), model: fillModel('default', 0.001), venueId: 'replay', host: 'direct' }), InputError);
});
