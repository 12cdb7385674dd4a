import { test } from 'node:test';
import assert from 'node:assert/strict';
import ccxt from 'ccxt';
import { MatchingEngine, type DepthDiff, type EngineOrder } from '../../../actors/venues/local-exchange/matching-engine.js';
import { KEY, startExchange } from '../ccxt/fixture.js';

const order = (over: Partial<EngineOrder>): EngineOrder => ({
  orderId: 1, clientOrderId: 'c', owner: 'k', symbol: 'X', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', price: 10, origQty: 1,
  executedQty: 0, cummulativeQuoteQty: 0, status: 'NEW', time: 0, updateTime: 0, ...over,
});

test('matching engine: price-time priority, partial fills, IOC/FOK, and every change published as a sequenced diff', () => {
  const diffs: DepthDiff[] = [];
  const e = new MatchingEngine('X', (d) => diffs.push(d));
  let id = 100;
  e.seed([[9, 1]], [[10, 1], [11, 2]], 0, () => id++);
  const taker = order({ orderId: 1, price: 11, origQty: 2.5 });
  const fills = e.submit(taker, 1);
  assert.deepEqual(fills.map((f) => [f.price, f.qty]), [[10, 1], [11, 1.5]]);
  assert.equal(taker.status, 'FILLED');
  assert.deepEqual(e.depth(5).asks, [[11, 0.5]]);
  const ioc = order({ orderId: 2, side: 'SELL', price: 8, origQty: 3, timeInForce: 'IOC' });
  e.submit(ioc, 2);
  assert.equal(ioc.status, 'EXPIRED');
  assert.equal(ioc.executedQty, 1);
  const fok = order({ orderId: 3, price: 11, origQty: 5, timeInForce: 'FOK' });
  e.submit(fok, 3);
  assert.equal(fok.status, 'EXPIRED');
  assert.equal(fok.executedQty, 0);
  const rest = order({ orderId: 4, price: 10.5, origQty: 1 });
  e.submit(rest, 4);
  assert.deepEqual(e.depth(5).bids, [[10.5, 1]]);
  e.cancel(rest, 5);
  assert.deepEqual(e.depth(5).bids, []);
  for (let i = 1; i < diffs.length; i++) assert.equal(diffs[i]!.firstUpdateId, diffs[i - 1]!.lastUpdateId + 1);
  assert.equal(e.depth(1).lastUpdateId, diffs.at(-1)!.lastUpdateId);
});

test('unmodified ccxt.pro binance: watchOrderBook syncs snapshot + diffs from the local websocket and follows a trade', async (t) => {
  const ex = await startExchange();
  const pro = new ccxt.pro.binance({ ...KEY, options: { fetchMarkets: { types: ['spot'] }, fetchCurrencies: false, fetchMargins: false } });
  Object.assign(pro.urls['api'] as Record<string, unknown>, ex.ccxtUrls());
  t.after(async () => { await pro.close(); await ex.close(); });
  await pro.loadHttpProxyAgent(); // ccxt needs an http agent for plain ws:// URLs
  await pro.loadMarkets();
  const first = pro.watchOrderBook('BTC/USDT');
  // the first diff makes ccxt fetch the snapshot; give it one
  setTimeout(() => ex.state.seed('BTCUSDT', [[10890, 1], [10880, 2]], [[10900, 1], [10910, 3]]), 50);
  const b1 = await first;
  assert.deepEqual(JSON.parse(JSON.stringify(b1.asks.slice(0, 2))), [[10900, 1], [10910, 3]]);
  const next = pro.watchOrderBook('BTC/USDT'); // resolves on the next diff, so watch before trading
  await pro.createOrder('BTC/USDT', 'limit', 'buy', 1, 10900, { clientOrderId: 'pro-1' });
  let b2 = await next;
  while (b2.asks[0]?.[0] === 10900) b2 = await pro.watchOrderBook('BTC/USDT');
  assert.deepEqual(JSON.parse(JSON.stringify(b2.asks[0])), [10910, 3]);
});

test('requests with a bad signature or unknown key are refused with Binance codes', async (t) => {
  const ex = await startExchange();
  const bad = new ccxt.binance({ apiKey: KEY.apiKey, secret: 'wrong', options: { fetchMarkets: { types: ['spot'] }, fetchCurrencies: false, fetchMargins: false } });
  Object.assign(bad.urls['api'] as Record<string, unknown>, ex.ccxtUrls());
  t.after(async () => { await ex.close(); });
  await assert.rejects(bad.fetchBalance(), /-1022/);
  bad.apiKey = 'nobody';
  await assert.rejects(bad.fetchBalance(), /-2015/);
});
