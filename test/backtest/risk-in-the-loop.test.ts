import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RISK_LIMITS } from '../../actors/risk/limits.js';
import { load, run } from './helpers.js';

test('with the spec risk limits, all-in entries are vetoed by the risk actor and journaled; nothing reaches the venue', async () => {
  const r = await run(load('ETH_BTC-5m'), { host: 'trading', riskLimits: DEFAULT_RISK_LIMITS });
  const denials = r.journal.map((l) => JSON.parse(l)).filter((e) => e.type === 'orders.denied').flatMap((e) => e.denials);
  assert.ok(denials.length > 10);
  assert.equal(denials[0].reason, 'POSITION_LIMIT');
  assert.equal(r.trades.length, 0);
  assert.equal(r.journal.filter((l) => l.includes('"submit"')).length, 0);
  assert.equal(r.combined.equity.at(-1), 1);
});

test('a fraction within the position limit passes risk and trades', async () => {
  const series = load('ETH_BTC-5m');
  const { strategyFactory } = await import('../../actors/backtest/strategies.js');
  const { machine, input } = strategyFactory('sma-cross')({ name: 'sma-cross', venue: 'replay', symbol: series.symbol, capital: 1, feeRate: 0.001, params: { fast: 10, slow: 30, fraction: 0.05 } });
  const r = await run(series, { host: 'trading', riskLimits: { ...DEFAULT_RISK_LIMITS, maxDailyLossFraction: 1, reduceAtDailyLossFraction: 0.99, maxDrawdownFraction: 1, maxLossStreak: 1e9 }, strategies: [{ name: 'sma-cross', series, capital: 1, machine, input }] });
  assert.ok(r.trades.length > 50);
  for (const t of r.trades) assert.ok(t.qty * t.entryPrice <= 0.1 + 1e-9, 'each position within 10% of capital');
});
