import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../actors/risk/evaluate-intent.js';
import { validIntent } from '../../actors/risk/checks/valid-intent.js';
import { riskState } from '../../actors/risk/checks/risk-state.js';
import { dailyLoss } from '../../actors/risk/checks/daily-loss.js';
import { staleData } from '../../actors/risk/checks/stale-data.js';
import { submitRate } from '../../actors/risk/checks/submit-rate.js';
import { reduceOnly } from '../../actors/risk/checks/reduce-only.js';
import { minProfit } from '../../actors/risk/checks/min-profit.js';
import { maxNotional } from '../../actors/risk/checks/max-notional.js';
import { positionLimit } from '../../actors/risk/checks/position-limit.js';
import { leverage } from '../../actors/risk/checks/leverage.js';
import type { Check } from '../../actors/risk/checks/check.js';
import type { OrderIntent } from '../../actors/risk/intent.js';
import type { RiskView } from '../../actors/risk/risk-view.js';
import type { RiskLimits } from '../../actors/risk/limits.js';
import { NOW, intent, limits, view } from './fixtures.js';

function run(check: Check, i: Partial<OrderIntent>, v: Partial<RiskView> = {}, l: Partial<RiskLimits> = {}, now = NOW) {
  const it = intent(i);
  return check({ intent: it, view: view(v), limits: limits(l), now, amount: it.amount });
}

test('valid-intent refuses non-positive or non-finite amount and price, and a cancel without an id', () => {
  assert.equal(run(validIntent, {}).ok, true);
  for (const bad of [{ amount: 0 }, { amount: -1 }, { amount: NaN }, { price: 0 }, { price: Infinity }, { expectedProfit: NaN }, { symbol: '' }]) {
    const v = run(validIntent, bad);
    assert.equal(v.ok, false, JSON.stringify(bad));
    if (!v.ok) assert.equal(v.reason, 'INVALID_INTENT');
  }
  const c = run(validIntent, { kind: 'cancel' });
  assert.equal(c.ok, false);
  assert.equal(run(validIntent, { kind: 'cancel', cancelClientOrderId: 'mm-1.0', amount: 0 }).ok, true);
});

test('risk-state: HALTED passes only cancels, REDUCING passes reduce and cancel', () => {
  const halted = run(riskState, { kind: 'reduce' }, { state: 'HALTED' });
  assert.deepEqual(halted.ok ? null : halted.reason, 'HALTED');
  assert.equal(run(riskState, { kind: 'cancel', cancelClientOrderId: 'x' }, { state: 'HALTED' }).ok, true);
  const reducingOpen = run(riskState, { kind: 'open' }, { state: 'REDUCING' });
  assert.equal(reducingOpen.ok ? null : reducingOpen.reason, 'REDUCE_ONLY');
  assert.equal(run(riskState, { kind: 'reduce' }, { state: 'REDUCING' }).ok, true);
  assert.equal(run(riskState, { kind: 'open' }, { state: 'ACTIVE' }).ok, true);
});

test('daily-loss denies opens at 5% loss of day-start equity, lets reduces through', () => {
  assert.equal(run(dailyLoss, {}, { dailyPnl: -499 }).ok, true);
  const v = run(dailyLoss, {}, { dailyPnl: -500 });
  assert.equal(v.ok, false);
  if (!v.ok) {
    assert.equal(v.reason, 'DAILY_LOSS_LIMIT');
    assert.match(v.detail, /-500 = -5% of day-start equity 10,000, max loss 5%/);
  }
  assert.equal(run(dailyLoss, { kind: 'reduce' }, { dailyPnl: -900 }).ok, true);
});

test('stale-data follows the connection: a market reported stale is denied however fresh its book; one reported live passes however old', () => {
  const staleFeed = { 'paper:BTC/USDT': { state: 'stale' as const, since: NOW - 6_000 } };
  const stale = run(staleData, {}, { feeds: staleFeed, lastMarketData: { 'paper:BTC/USDT': NOW - 10 } });
  assert.equal(stale.ok ? null : stale.reason, 'STALE_MARKET_DATA');
  assert.match(stale.ok ? '' : stale.detail, /reports the market stale.*market\.live/);
  assert.equal(run(staleData, { kind: 'cancel', cancelClientOrderId: 'x' }, { feeds: staleFeed }).ok, true, 'cancels pass a stale market');
  const quietButLive = { feeds: { 'paper:BTC/USDT': { state: 'live' as const, since: NOW - 60_000 } }, lastMarketData: { 'paper:BTC/USDT': NOW - 60_000 } };
  assert.equal(run(staleData, {}, quietButLive).ok, true, 'a live connection with an unchanged book is fresh');
  assert.equal(run(staleData, {}, { ...quietButLive, feeds: {} }).ok, false, 'the same age without a live connection is stale');
  assert.equal(run(staleData, { venue: 'other' }, quietButLive).ok, false, 'live is per venue');
  // auto: a live feed on any venue is enough; only stale feeds deny.
  assert.equal(run(staleData, { venue: 'auto' }, { feeds: { 'a:BTC/USDT': { state: 'stale', since: 1 }, 'b:BTC/USDT': { state: 'live', since: 1 } }, lastMarketData: {} }).ok, true);
  assert.equal(run(staleData, { venue: 'auto' }, { feeds: { 'a:BTC/USDT': { state: 'stale', since: 1 } }, lastMarketData: { 'a:BTC/USDT': NOW } }).ok, false);
});

test('stale-data vetoes missing and old data, per venue, and uses the freshest venue for auto', () => {
  assert.equal(run(staleData, {}).ok, true);
  const old = run(staleData, {}, { lastMarketData: { 'paper:BTC/USDT': NOW - 5_001 } });
  assert.equal(old.ok ? null : old.reason, 'STALE_MARKET_DATA');
  if (!old.ok) assert.match(old.detail, /5,001 ms old, max 5,000 ms/);
  assert.equal(run(staleData, {}, { lastMarketData: { 'paper:BTC/USDT': NOW - 5_000 } }).ok, true);
  assert.equal(run(staleData, { venue: 'binance' }).ok, false);
  assert.equal(run(staleData, { venue: 'auto' }, { lastMarketData: { 'a:BTC/USDT': NOW - 9_000, 'b:BTC/USDT': NOW - 10 } }).ok, true);
  assert.equal(run(staleData, { venue: 'auto' }, { lastMarketData: { 'a:ETH/USDT': NOW } }).ok, false);
  assert.equal(run(staleData, { kind: 'cancel', cancelClientOrderId: 'x' }, { lastMarketData: {} }).ok, true);
});

test('submit-rate caps submits in a sliding window; old submits fall out', () => {
  const full = Array.from({ length: 100 }, (_, i) => NOW - 999 + i * 5);
  const v = run(submitRate, {}, { recentSubmits: full });
  assert.equal(v.ok ? null : v.reason, 'RATE_LIMIT');
  assert.equal(run(submitRate, {}, { recentSubmits: full.slice(1) }).ok, true);
  const slid = Array.from({ length: 100 }, (_, i) => NOW - 999 + i);
  assert.equal(run(submitRate, {}, { recentSubmits: slid }).ok, false);
  assert.equal(run(submitRate, {}, { recentSubmits: slid }, {}, NOW + 1).ok, true);
  assert.equal(run(submitRate, { kind: 'cancel', cancelClientOrderId: 'x' }, { recentSubmits: full }).ok, true);
});

test('reduce-only clips an order that would flip the position, denies one that adds or has nothing to reduce', () => {
  const positions = { 'BTC/USDT': { qty: 0.3, avgPrice: 5_000 } };
  const clipped = run(reduceOnly, { kind: 'reduce', side: 'sell', amount: 0.5 }, { positions });
  assert.deepEqual(clipped, { ok: true, amount: 0.3 });
  assert.deepEqual(run(reduceOnly, { kind: 'reduce', side: 'sell', amount: 0.1 }, { positions }), { ok: true, amount: 0.1 });
  const adds = run(reduceOnly, { kind: 'reduce', side: 'buy' }, { positions });
  assert.equal(adds.ok ? null : adds.reason, 'REDUCE_ONLY');
  if (!adds.ok) assert.match(adds.detail, /would add to the long 0.3 BTC position/);
  assert.equal(run(reduceOnly, { kind: 'reduce', side: 'sell' }).ok, false);
  const short = { 'BTC/USDT': { qty: -0.2, avgPrice: 5_000 } };
  assert.deepEqual(run(reduceOnly, { kind: 'reduce', side: 'buy', amount: 1 }, { positions: short }), { ok: true, amount: 0.2 });
});

test('min-profit applies to intents that state an expected profit', () => {
  assert.equal(run(minProfit, {}).ok, true);
  assert.equal(run(minProfit, { expectedProfit: 0.001 }).ok, true);
  const v = run(minProfit, { expectedProfit: 0.0009 });
  assert.equal(v.ok ? null : v.reason, 'MIN_PROFIT');
  if (!v.ok) assert.match(v.detail, /expected profit 0.09%, min 0.1%/);
});

test('max-notional uses the per-symbol override when present', () => {
  assert.equal(run(maxNotional, { amount: 2, price: 5_000 }).ok, true);
  const v = run(maxNotional, { amount: 2.1, price: 5_000 });
  assert.equal(v.ok ? null : v.reason, 'MAX_NOTIONAL');
  if (!v.ok) assert.match(v.detail, /2.1 BTC × 5,000 = 10,500 USDT, max 10,000 per order/);
  assert.equal(run(maxNotional, { amount: 1 }, {}, { maxNotionalBySymbol: { 'BTC/USDT': 4_000 } }).ok, false);
});

test('position-limit: the nautilus-style detail names size, notional and share of capital', () => {
  const v = run(positionLimit, { amount: 0.21 }, { positions: { 'BTC/USDT': { qty: 0.1, avgPrice: 5_000 } } });
  assert.equal(v.ok, false);
  if (!v.ok) {
    assert.equal(v.reason, 'POSITION_LIMIT');
    assert.equal(v.detail, 'BTC/USDT position would be 0.31 BTC = 1,550 USDT = 15.5% of capital, max 10%');
  }
  assert.equal(run(positionLimit, { amount: 0.2 }).ok, true);
  // A sell that takes a long down is fine even with a big long.
  assert.equal(run(positionLimit, { side: 'sell', amount: 0.3 }, { positions: { 'BTC/USDT': { qty: 0.35, avgPrice: 5_000 } } }).ok, true);
});

test('leverage counts other positions at mark, this symbol after the order, and open orders', () => {
  const v0 = view({ positions: { 'ETH/USDT': { qty: 10, avgPrice: 2_000 } }, marks: { 'ETH/USDT': 2_500, 'BTC/USDT': 5_000 }, openOrdersNotional: 4_000 });
  const ok = leverage({ intent: intent({ amount: 0.2 }), view: v0, limits: limits(), now: NOW, amount: 0.2 });
  assert.equal(ok.ok, true); // 25,000 + 1,000 + 4,000 = 30,000 = 3x
  const bad = leverage({ intent: intent({ amount: 0.21 }), view: v0, limits: limits(), now: NOW, amount: 0.21 });
  assert.equal(bad.ok ? null : bad.reason, 'LEVERAGE_LIMIT');
  const broke = leverage({ intent: intent(), view: view({ equity: 0 }), limits: limits(), now: NOW, amount: 0.1 });
  assert.equal(broke.ok, false);
});

test('evaluate composes: first denial wins, the clipped amount is approved', () => {
  assert.deepEqual(evaluate(intent(), view(), limits(), NOW), { ok: true, amount: 0.1 });
  const halted = evaluate(intent({ amount: 100 }), view({ state: 'HALTED' }), limits(), NOW);
  assert.equal(halted.ok ? null : halted.reason, 'HALTED');
  const clipped = evaluate(intent({ kind: 'reduce', side: 'sell', amount: 5 }), view({ state: 'REDUCING', positions: { 'BTC/USDT': { qty: 0.5, avgPrice: 5_000 } } }), limits(), NOW);
  assert.deepEqual(clipped, { ok: true, amount: 0.5 });
});

test('pending orders count: two in-flight opens cannot jointly pass the position limit, nor two reduces flip it', () => {
  const withPendingBuy = run(positionLimit, { amount: 0.15 }, { pending: { 'BTC/USDT': { openBuy: 0.1, openSell: 0, reduce: 0 } } });
  assert.equal(withPendingBuy.ok, false);
  assert.equal(run(positionLimit, { amount: 0.15, side: 'sell' }, { pending: { 'BTC/USDT': { openBuy: 0.1, openSell: 0, reduce: 0 } } }).ok, true);
  const positions = { 'BTC/USDT': { qty: 0.3, avgPrice: 5_000 } };
  const clipped = run(reduceOnly, { kind: 'reduce', side: 'sell', amount: 0.3 }, { positions, pending: { 'BTC/USDT': { openBuy: 0, openSell: 0, reduce: 0.2 } } });
  assert.ok(clipped.ok && Math.abs(clipped.amount - 0.1) < 1e-12);
  const covered = run(reduceOnly, { kind: 'reduce', side: 'sell', amount: 0.1 }, { positions, pending: { 'BTC/USDT': { openBuy: 0, openSell: 0, reduce: 0.3 } } });
  assert.equal(covered.ok ? null : covered.reason, 'REDUCE_ONLY');
});

test('position-limit counts what other owners may close: a triangle in flight short can unwind while another group buys', () => {
  // Limit 10% of 10,000 = 1,000 USDT = 0.2 BTC at 5,000. Flat overall: one group long 0.1, another short 0.1.
  const owned = { positions: {}, strategyPositions: { 'tri-1 BTC/USDT': -0.1, 'cross-1 BTC/USDT': 0.1 } };
  const buy = run(positionLimit, { amount: 0.15, legGroup: 'cross-2' }, owned);
  assert.equal(buy.ok ? null : buy.reason, 'POSITION_LIMIT', 'if tri-1 buys its 0.1 back, 0.15 more makes 0.25');
  if (!buy.ok) assert.match(buy.detail, /0\.25 BTC .*counting what other owners may close/);
  assert.equal(run(positionLimit, { amount: 0.1, legGroup: 'cross-2' }, owned).ok, true, '0.1 + 0.1 = 0.2 is at the limit');
  assert.equal(run(positionLimit, { amount: 0.15, legGroup: 'tri-1' }, { ...owned, strategyPositions: { 'tri-1 BTC/USDT': -0.1 } }).ok, true, 'its own short is not counted against it');
});

test('position-limit values the order where it may fill: a sell limit under the market and a market order at the market, a buy limit at its price', () => {
  // Limit 1,000 USDT; 0.19 BTC at the order's 5,000 is 950, at the market's 5,400 it is 1,026.
  const market = { marks: { 'BTC/USDT': 5_400 } };
  const sell = run(positionLimit, { side: 'sell', type: 'limit', amount: 0.19, price: 5_000 }, market);
  assert.equal(sell.ok, false);
  if (!sell.ok) assert.equal(sell.detail, 'BTC/USDT position would be 0.19 BTC = 1,026 USDT = 10.26% of capital, max 10%');
  assert.equal(run(positionLimit, { side: 'buy', type: 'market', amount: 0.19, price: 5_000 }, market).ok, false);
  assert.equal(run(positionLimit, { side: 'buy', type: 'limit', amount: 0.19, price: 5_000 }, market).ok, true, 'a buy limit never fills above its price');
  // A market below the order's price: the order's price is the bound.
  assert.equal(run(positionLimit, { side: 'sell', type: 'limit', amount: 0.19, price: 5_000 }, { marks: { 'BTC/USDT': 4_000 } }).ok, true);
  assert.equal(run(positionLimit, { side: 'sell', type: 'limit', amount: 0.21, price: 5_000 }, { marks: { 'BTC/USDT': 4_000 } }).ok, false);
  // An arbitrage leg trades against its own venue's quote; the symbol's mark may be another venue's.
  assert.equal(run(positionLimit, { side: 'sell', type: 'limit', amount: 0.19, price: 5_000, expectedProfit: 0.002 }, market).ok, true);
});
