import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEY, startExchange, venueFor } from '../ccxt/fixture.js';

// Chaos found two strategies of one account trading with each other on a local exchange: one trade, two fills of the
// same trade id, and the second kept aside as a conflict. Binance spot's default self-trade prevention prevents it.
test('self-trade prevention (EXPIRE_MAKER): an order that would trade with a resting order of its own account expires that order, trades on past it, and frees its funds', async (t) => {
  const ex = await startExchange();
  const venue = venueFor(ex);
  t.after(async () => { await venue.close(); await ex.close(); });
  // Our sell rests under the seeded asks (10,900); our buy at 10,900 would meet it first.
  await venue.createOrder({ clientOrderId: 'maker-1', symbol: 'BTC/USDT', side: 'sell', type: 'limit', amount: 0.5, price: 10_895 });
  assert.equal(ex.state.balances(KEY.apiKey).find((b) => b.asset === 'BTC')!.locked, 0.5);
  const taker = await venue.createOrder({ clientOrderId: 'taker-1', symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 0.5, price: 10_900 });
  assert.equal(taker.status, 'closed');
  assert.deepEqual(taker.fills.map((f) => [f.price, f.amount, f.liquidity]), [[10_900, 0.5, 'taker']], 'it traded with the seeded ask, not with our sell');
  const maker = await venue.fetchOrderByClientId('maker-1', 'BTC/USDT');
  assert.equal(maker?.status, 'canceled');
  assert.equal(maker?.filled, 0);
  assert.equal(ex.state.findOrder(KEY.apiKey, 'BTCUSDT', undefined, 'maker-1').status, 'EXPIRED_IN_MATCH');
  const btc = ex.state.balances(KEY.apiKey).find((b) => b.asset === 'BTC')!;
  assert.deepEqual([btc.free, btc.locked], [2.5 - 0.5 * 0.001, 0], 'the expired sell holds nothing, and the buy received 0.5 BTC less its fee');
});
