import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, run } from './helpers.js';

test('two runs on the actor path give byte-identical trade journals', async () => {
  const series = load('LTC_BTC-5m');
  const a = await run(series, { host: 'actors', model: 'default' });
  const b = await run(series, { host: 'actors', model: 'default' });
  assert.ok(a.journal.length > 100, 'the journal has intents, fills and order updates');
  assert.equal(a.journal.join('\n'), b.journal.join('\n'));
  assert.equal(JSON.stringify(a.trades), JSON.stringify(b.trades));
});

test('the actor path and the direct machine host agree trade for trade', async () => {
  const series = load('XMR_BTC-5m');
  const actors = await run(series, { host: 'actors' });
  const direct = await run(series, { host: 'direct' });
  assert.equal(JSON.stringify(actors.trades), JSON.stringify(direct.trades));
  assert.deepEqual(actors.combined.metrics, direct.combined.metrics);
});
