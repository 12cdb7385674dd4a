import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buyAndHoldSignal } from '../../../actors/strategies/buy-and-hold/signal.js';
import { buyAndHoldParams } from '../../../actors/strategies/buy-and-hold/params.js';
import { loadCandles } from '../../../actors/market-data/candles/load-candles.js';

test('buy-and-hold wants long from the first bar of a real series to its last, whatever the price does, with no state', () => {
  const closes = loadCandles('data/candles/ADA_BTC-5m.json').candles.map((c) => c.close);
  let state = buyAndHoldSignal.initial;
  for (const close of closes) {
    const r = buyAndHoldSignal.step(state, close, {});
    assert.equal(r.want, 'long');
    state = r.state;
  }
  assert.equal(state, null);
});

test('buy-and-hold params: fraction defaults to 1, lies in (0, 1], no unknown keys', () => {
  assert.deepEqual(buyAndHoldParams.parse({}), { fraction: 1 });
  assert.deepEqual(buyAndHoldParams.safeParse({ fraction: 0 }).error?.issues[0]?.path, ['fraction']);
  assert.equal(buyAndHoldParams.safeParse({ fraction: 0.5, exit: 1 }).error?.issues[0]?.code, 'unrecognized_keys');
});
