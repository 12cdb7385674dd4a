import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positionSize, visibleDepth } from '../../actors/risk/sizing.js';
import { sampleBook } from '../execution/real-books.js';

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) <= eps, `${a} ≉ ${b}`);

test('amount = account × risk per trade / stop distance / price', () => {
  // 10,000 × 1% = 100 at risk; a 2% stop means 5,000 notional; at 2,500 that is 2 units.
  const s = positionSize({ accountValue: 10_000, riskPerTrade: 0.01, stopLossDistance: 0.02, price: 2_500, side: 'buy' });
  close(s.amount, 2);
  assert.equal(s.cappedBy, 'risk');
  close(positionSize({ accountValue: 10_000, riskPerTrade: 0.01, stopLossDistance: 0.02, price: 2_500, side: 'buy', multiplier: 0.5 }).amount, 1);
});

test('capped at 10% of the visible depth on the side taken (real Bitstamp ETH/USD book)', () => {
  const book = sampleBook('bitstamp', 'ethusd');
  const askDepth = visibleDepth(book.asks);
  const s = positionSize({ accountValue: 10_000_000, riskPerTrade: 0.01, stopLossDistance: 0.01, price: 3_805, side: 'buy', levels: book.asks });
  assert.equal(s.cappedBy, 'liquidity');
  close(s.amount, askDepth * 0.1);
  assert.ok(s.riskAmount > s.amount);
});

test('capped by the position limit, counting the current position in the order direction', () => {
  const base = { accountValue: 100_000, riskPerTrade: 0.02, stopLossDistance: 0.01, price: 100, capital: 100_000, maxPositionFraction: 0.1 };
  // Limit 10,000 notional = 100 units; long 60 leaves room for 40 more on the buy side, 160 on the sell side.
  const buy = positionSize({ ...base, side: 'buy', position: 60 });
  assert.equal(buy.cappedBy, 'position_limit');
  close(buy.amount, 40);
  const sell = positionSize({ ...base, side: 'sell', position: 60 });
  close(sell.amount, 160);
  close(positionSize({ ...base, side: 'buy', position: 150 }).amount, 0);
});

test('nonsense inputs size to zero, never NaN or negative', () => {
  for (const bad of [{ stopLossDistance: 0 }, { price: 0 }, { accountValue: -1 }, { riskPerTrade: NaN }]) {
    const s = positionSize({ accountValue: 1_000, riskPerTrade: 0.01, stopLossDistance: 0.02, price: 10, side: 'buy', ...bad });
    assert.equal(s.amount, 0, JSON.stringify(bad));
  }
});
