import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toxicity } from '../../../actors/risk/checks/toxicity.js';
import { evaluate } from '../../../actors/risk/evaluate-intent.js';
import type { OrderIntent } from '../../../actors/risk/intent.js';
import type { RiskView } from '../../../actors/risk/risk-view.js';
import type { RiskLimits } from '../../../actors/risk/limits.js';
import { NOW, intent, limits, view } from '../fixtures.js';

const LIMITS: Partial<RiskLimits> = { toxicPercentile: 0.6, toxicSizeFactor: 0.5, toxicityMaxAgeMs: 60_000 };
const TOXIC: Partial<RiskView> = { toxicity: { 'paper:BTC/USDT': { vpin: 0.7, percentile: 0.7, ts: NOW - 1_000 } } };

function run(i: Partial<OrderIntent>, v: Partial<RiskView> = TOXIC, l: Partial<RiskLimits> = LIMITS) {
  const it = intent({ amount: 2, ...i });
  return toxicity({ intent: it, view: view(v), limits: limits(l), now: NOW, amount: it.amount });
}

test('VPIN 0.7 ≥ 0.6: an open of 2 BTC keeps half, and says why', () => {
  assert.deepEqual(run({}), {
    ok: true,
    amount: 1,
    clips: ['TOXIC_FLOW: BTC/USDT on paper VPIN 0.7 at percentile 0.7 ≥ 0.6 (1,000 ms old): buy 2 → 1 BTC (0.5 × the 2 BTC it adds)'],
  });
  const atThreshold = run({}, { toxicity: { 'paper:BTC/USDT': { vpin: 0.6, percentile: 0.6, ts: NOW } } });
  assert.equal(atThreshold.ok && atThreshold.amount, 1);
});

test('left alone: VPIN below the threshold, a reduce, a cancel, a leg of a multi-leg trade, a stale VPIN, an unknown market', () => {
  const untouched = { ok: true, amount: 2 };
  assert.deepEqual(run({}, { toxicity: { 'paper:BTC/USDT': { vpin: 0.59, percentile: 0.59, ts: NOW } } }), untouched);
  assert.deepEqual(run({ kind: 'reduce', side: 'sell' }, { ...TOXIC, positions: { 'BTC/USDT': { qty: 3, avgPrice: 5_000 } } }), untouched);
  assert.deepEqual(run({ kind: 'cancel', cancelClientOrderId: 'mm-0.0' }), untouched);
  assert.deepEqual(run({ legGroup: 'tri-1' }), untouched);
  assert.deepEqual(run({}, { toxicity: { 'paper:BTC/USDT': { vpin: 0.7, percentile: 0.7, ts: NOW - 60_001 } } }), untouched);
  assert.deepEqual(run({ symbol: 'ETH/USDT' }), untouched);
  assert.deepEqual(run({ venue: 'binance' }), untouched);
  assert.deepEqual(run({}, {}), untouched);
});

test('a toxicPercentile of 1 or a factor of 1 turns it off, even at VPIN 1', () => {
  const extreme = { toxicity: { 'paper:BTC/USDT': { vpin: 1, percentile: 1, ts: NOW } } };
  assert.deepEqual(run({}, extreme, { ...LIMITS, toxicPercentile: 1 }), { ok: true, amount: 2 });
  assert.deepEqual(run({}, extreme, { ...LIMITS, toxicSizeFactor: 1 }), { ok: true, amount: 2 });
});

test('only the exposure an open adds is clipped: long 1, sell 3 keeps the 1 that closes the long and half of the 2 it shorts', () => {
  const long = { ...TOXIC, positions: { 'BTC/USDT': { qty: 1, avgPrice: 5_000 } } };
  const v = run({ side: 'sell', amount: 3 }, long);
  assert.equal(v.ok && v.amount, 2);
  // A sell that only takes the long down passes whole.
  assert.deepEqual(run({ side: 'sell', amount: 1 }, long), { ok: true, amount: 1 });
  // Orders already in flight against the long use up what this one can close: 0.6 pending, so 0.4 + 0.5 × 0.6.
  const pending = run({ side: 'sell', amount: 1 }, { ...long, pending: { 'BTC/USDT': { openBuy: 0, openSell: 0.4, reduce: 0.2 } } });
  assert.ok(pending.ok && Math.abs(pending.amount - 0.7) < 1e-12, JSON.stringify(pending));
  // A buy adds to the long: all of it is clipped.
  const adds = run({}, long);
  assert.equal(adds.ok && adds.amount, 1);
});

test("venue 'auto' takes the highest fresh VPIN of the symbol on any venue", () => {
  const v = { toxicity: { 'paper:BTC/USDT': { vpin: 0.2, percentile: 0.2, ts: NOW }, 'binance:BTC/USDT': { vpin: 0.8, percentile: 0.8, ts: NOW }, 'kraken:BTC/USDT': { vpin: 0.95, percentile: 0.95, ts: NOW - 120_000 } } };
  const clipped = run({ venue: 'auto' }, v);
  assert.equal(clipped.ok && clipped.amount, 1);
  assert.match(clipped.ok ? clipped.clips![0]! : '', /VPIN 0.8 at percentile 0.8 ≥ 0.6/);
});

test('evaluate clips before the size limits: 3 BTC × 5,000 would break max-notional, the clipped 1.5 BTC does not', () => {
  const i = intent({ amount: 3, price: 5_000 });
  const v = view({ ...TOXIC, marks: { 'BTC/USDT': 5_000 } });
  const l = limits({ ...LIMITS, maxPositionFraction: 1, maxLeverage: 10 });
  assert.equal(evaluate(i, view({ marks: { 'BTC/USDT': 5_000 } }), l, NOW).ok, false, 'without toxicity: MAX_NOTIONAL');
  const verdict = evaluate(i, v, l, NOW);
  assert.equal(verdict.ok && verdict.amount, 1.5);
  assert.equal(verdict.ok && verdict.clips?.length, 1);
});
