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
