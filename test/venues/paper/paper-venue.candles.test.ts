import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PaperVenue } from '../../../actors/venues/paper/paper-venue.js';
import { loadCandles } from '../../../actors/market-data/candles/load-candles.js';

const bars = loadCandles(new URL('../../../data/candles/BTC_USDT-1m-2021-02-19_week.json', import.meta.url).pathname).candles;
const close = (a: number, b: number, eps = 1e-6) => assert.ok(Math.abs(a - b) <= eps, `${a} ≉ ${b}`);

test('candle mode: a market order placed on bar t fills on bar t+1 at the open plus volume-based slippage', async () => {
  const v = new PaperVenue({ balances: { USDT: 1_000_000 }, fees: { maker: 0.001, taker: 0.001 }, candleModel: { halfSpread: 0.0002, impact: 0.01, maxVolumeFraction: 0.1 } });
  const [b0, b1] = bars;
  assert.deepEqual(v.onCandle('BTC/USDT', b0!), []);
  const o = await v.createOrder({ clientOrderId: 'm.0', symbol: 'BTC/USDT', side: 'buy', type: 'market', amount: 1 });
  assert.equal(o.status, 'open');
  assert.deepEqual(v.onCandle('BTC/USDT', b0!), [], 'never on the bar it was placed on');
  const fills = v.onCandle('BTC/USDT', b1!);
  assert.equal(fills.length, 1);
  const slip = 0.0002 + 0.01 * Math.sqrt(1 / b1!.volume);
  close(fills[0]!.price, b1!.open * (1 + slip));
  assert.equal(fills[0]!.ts, b1!.ts);
  assert.equal((await v.fetchOrderByClientId('m.0', 'BTC/USDT'))?.status, 'closed');
});

test('candle mode: fills are limited to a share of bar volume, so a big order fills over several bars', async () => {
  const v = new PaperVenue({ balances: { USDT: 0, BTC: 100 }, candleModel: { maxVolumeFraction: 0.1 } });
  v.onCandle('BTC/USDT', bars[0]!);
  await v.createOrder({ clientOrderId: 'big.0', symbol: 'BTC/USDT', side: 'sell', type: 'market', amount: 20 });
  const f1 = v.onCandle('BTC/USDT', bars[1]!); // volume 106.16 → 10.616
  close(f1[0]!.amount, 0.1 * bars[1]!.volume);
  const f2 = v.onCandle('BTC/USDT', bars[2]!); // volume 52.42 → 5.242
  close(f2[0]!.amount, 0.1 * bars[2]!.volume);
  const partial = await v.fetchOrderByClientId('big.0', 'BTC/USDT');
  assert.equal(partial?.status, 'open');
  close(partial!.filled, 0.1 * (bars[1]!.volume + bars[2]!.volume));
  const f3 = v.onCandle('BTC/USDT', bars[3]!); // volume 36.81 → 3.681: still short of 20
  close(f3[0]!.amount, 0.1 * bars[3]!.volume);
  const f4 = v.onCandle('BTC/USDT', bars[4]!);
  close(f4[0]!.amount, 20 - 0.1 * (bars[1]!.volume + bars[2]!.volume + bars[3]!.volume));
  const done = await v.fetchOrderByClientId('big.0', 'BTC/USDT');
  assert.equal(done?.status, 'closed');
  close(done!.filled, 20);
  assert.ok((await v.fetchBalance()).USDT!.free > 20 * 51_000);
});

test('candle mode: a limit buy fills when a later bar trades down through it, not before', async () => {
  const v = new PaperVenue({ balances: { USDT: 100_000 } });
  v.onCandle('BTC/USDT', bars[0]!);
  // Find the first later bar whose low reaches 51,500.
  const price = 51_500;
  const hit = bars.findIndex((b, i) => i > 0 && b.low <= price);
  assert.ok(hit > 1, 'the recording must trade down to the limit later');
  await v.createOrder({ clientOrderId: 'l.0', symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 0.5, price });
  for (let i = 1; i < hit; i++) assert.deepEqual(v.onCandle('BTC/USDT', bars[i]!), [], `bar ${i} low ${bars[i]!.low} is above the limit`);
  const [fill] = v.onCandle('BTC/USDT', bars[hit]!);
  assert.equal(fill?.liquidity, 'maker');
  assert.equal(fill?.price, Math.min(price, bars[hit]!.open));
  assert.equal(fill?.amount, 0.5);
});

test('candle mode: a limit order marketable when placed takes on the next bar like a market order, never past its limit; one the open ran past rests', async () => {
  const model = { halfSpread: 0.0002, impact: 0.01, maxVolumeFraction: 0.1 };
  const v = new PaperVenue({ balances: { USDT: 1_000_000 }, fees: { maker: 0.0005, taker: 0.001 }, candleModel: model });
  const [b0, b1] = bars;
  v.onCandle('BTC/USDT', b0!);
  await v.createOrder({ clientOrderId: 't.0', symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 1, price: b0!.close * 1.02 });
  await v.createOrder({ clientOrderId: 'c.0', symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 1, price: b1!.open * 1.00001 });
  const [take, cap] = v.onCandle('BTC/USDT', b1!);
  const slip = 0.0002 + 0.01 * Math.sqrt(1 / b1!.volume);
  close(take!.price, b1!.open * (1 + slip));
  assert.equal(take!.liquidity, 'taker');
  close(take!.fee, take!.price * 0.001);
  assert.deepEqual([cap!.price, cap!.liquidity], [b1!.open * 1.00001, 'taker'], 'capped at its limit');

  const w = new PaperVenue({ balances: { USDT: 1_000_000 }, candleModel: model });
  w.onCandle('BTC/USDT', { ...b0!, close: 100 });
  await w.createOrder({ clientOrderId: 'g.0', symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 1, price: 102 });
  assert.deepEqual(w.onCandle('BTC/USDT', { ts: b1!.ts, open: 105, high: 106, low: 103, close: 105, volume: 100 }), [], 'opened over the limit: it rests');
  const [later] = w.onCandle('BTC/USDT', { ts: b1!.ts + 60_000, open: 104, high: 104, low: 101, close: 101, volume: 100 });
  assert.deepEqual([later!.price, later!.liquidity], [102, 'maker']);
});
