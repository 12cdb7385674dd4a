import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, run } from './helpers.js';

test('two runs on the live actor path give byte-identical trade journals', async () => {
  const series = load('LTC_BTC-5m');
  const a = await run(series, { host: 'trading', model: 'default' });
  const b = await run(series, { host: 'trading', model: 'default' });
  assert.ok(a.journal.length > 100, 'the journal has intents, fills and order updates');
  assert.equal(a.journal.join('\n'), b.journal.join('\n'));
  assert.equal(JSON.stringify(a.trades), JSON.stringify(b.trades));
});

test('the full trading stack, strategy + risk + gateway, and the bare machines agree trade for trade', async () => {
  const series = load('XMR_BTC-5m');
  const trading = await run(series, { host: 'trading', model: 'default' });
  const actors = await run(series, { host: 'actors', model: 'default' });
  const direct = await run(series, { host: 'direct', model: 'default' });
  assert.ok(trading.trades.length > 50);
  // execution names child orders `<intentId>.0`; the lighter hosts use the intent id
  const strip = (r: typeof trading) => JSON.stringify(r.trades);
  assert.equal(strip(trading), strip(direct));
  assert.equal(strip(actors), strip(direct));
  assert.deepEqual(trading.combined.metrics, direct.combined.metrics);
});

test('several pairs: the trading stack, fed one message per replay step, agrees with the bare machines fed one bar at a time', async () => {
  const series = ['ETH_BTC-5m', 'LTC_BTC-5m', 'XMR_BTC-5m'].map(load);
  const trading = await run(series, { host: 'trading', model: 'default' });
  const direct = await run(series, { host: 'direct', model: 'default' });
  assert.ok(trading.trades.length > 100);
  assert.equal(new Set(trading.trades.map((t) => t.strategy)).size, 3, 'every pair traded');
  assert.equal(JSON.stringify(trading.trades), JSON.stringify(direct.trades));
  assert.deepEqual(trading.combined.metrics, direct.combined.metrics);
  // One candles.closed per step reaches each of the three strategies, so the trading stack needs fewer
  // deliveries per candle than three per bar (strategy, risk, ledger) would.
  assert.ok(trading.messagesDelivered / trading.bars < 3, `${trading.messagesDelivered} deliveries for ${trading.bars} bars`);
});
