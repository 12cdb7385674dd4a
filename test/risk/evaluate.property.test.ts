import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluate } from '../../actors/risk/evaluate-intent.js';
import type { OrderIntent } from '../../actors/risk/intent.js';
import type { RiskView } from '../../actors/risk/risk-view.js';
import type { RiskLimits } from '../../actors/risk/limits.js';

/**
 * RELIABILITY R5/R6: 10,000 random intents against random views. The oracle below is written from the
 * spec, independently of actors/risk: it lists every limit an intent would break.
 */
const SYMBOLS = ['BTC/USDT', 'ETH/USDT', 'SOL/USDT'];
const VENUES = ['paper', 'binance'];
const NOW = 1_767_614_400_000;

function brokenLimits(i: OrderIntent, v: RiskView, l: RiskLimits, now: number, approvedAmount: number): string[] {
  const broken: string[] = [];
  if (i.kind === 'cancel') {
    if (!i.cancelClientOrderId) broken.push('cancel without id');
    return broken;
  }
  const a = approvedAmount;
  if (!(a > 0) || !Number.isFinite(a) || !(i.price > 0) || !Number.isFinite(i.price)) broken.push('invalid');
  if (v.state === 'HALTED') broken.push('halted');
  if (v.state === 'REDUCING' && i.kind !== 'reduce') broken.push('reducing');
  // staleness
  const stamps = Object.entries(v.lastMarketData)
    .filter(([k]) => (i.venue === 'auto' ? k.split(':')[1] === i.symbol : k === `${i.venue}:${i.symbol}`))
    .map(([, t]) => t);
  if (stamps.length === 0 || now - Math.max(...stamps) > l.staleDataMs) broken.push('stale');
  // rate
  if (v.recentSubmits.filter((t) => t <= now && now - t < l.submitWindowMs).length >= l.maxSubmits) broken.push('rate');
  const notional = a * i.price;
  if (notional > (l.maxNotionalBySymbol[i.symbol] ?? l.maxNotionalPerOrder)) broken.push('notional');
  const held = v.positions[i.symbol]?.qty ?? 0;
  const delta = i.side === 'buy' ? a : -a;
  const pend = v.pending[i.symbol] ?? { openBuy: 0, openSell: 0, reduce: 0 };
  if (i.kind === 'reduce') {
    // must lower |position| without crossing zero, even when every pending reduce order fills too
    if (held === 0 || Math.sign(delta) === Math.sign(held) || Math.abs(delta) + pend.reduce > Math.abs(held) + 1e-12) broken.push('reduce flips or adds');
    return broken;
  }
  if (v.dailyPnl <= -l.maxDailyLossFraction * v.dayStartEquity) broken.push('daily loss');
  if (i.expectedProfit !== undefined && i.expectedProfit < l.minExpectedProfit) broken.push('min profit');
  const after = held + delta;
  const worst = i.side === 'buy' ? held + pend.openBuy + a : held - pend.openSell - a;
  // valued where the order may fill: a buy limit at its price or better, a sell limit or a market order at the market if that is worse
  const fillBound = (i.side === 'buy' && i.type === 'limit') || i.expectedProfit !== undefined ? i.price : Math.max(i.price, v.marks[i.symbol] ?? 0);
  if (Math.abs(worst) * fillBound > l.maxPositionFraction * v.capital) broken.push('position');
  let gross = Math.abs(after) * i.price + v.openOrdersNotional;
  for (const s of Object.keys(v.positions)) {
    if (s === i.symbol) continue;
    gross += Math.abs(v.positions[s]!.qty) * (v.marks[s] ?? v.positions[s]!.avgPrice);
  }
  if (v.equity <= 0 || gross > l.maxLeverage * v.equity) broken.push('leverage');
  return broken;
}

const limitsArb: fc.Arbitrary<RiskLimits> = fc.record({
  maxPositionFraction: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
  maxDailyLossFraction: fc.double({ min: 0.01, max: 0.1, noNaN: true }),
  reduceAtDailyLossFraction: fc.constant(0.03),
  maxDrawdownFraction: fc.constant(0.1),
  maxLeverage: fc.double({ min: 0.5, max: 5, noNaN: true }),
  minExpectedProfit: fc.double({ min: 0, max: 0.01, noNaN: true }),
  maxNotionalPerOrder: fc.double({ min: 100, max: 20_000, noNaN: true }),
  maxNotionalBySymbol: fc.dictionary(fc.constantFrom(...SYMBOLS), fc.double({ min: 50, max: 5_000, noNaN: true }), { maxKeys: 1 }),
  maxSubmits: fc.integer({ min: 1, max: 100 }),
  submitWindowMs: fc.constantFrom(1_000, 500),
  staleDataMs: fc.integer({ min: 100, max: 10_000 }),
  maxLossStreak: fc.constant(5),
  cooldownMs: fc.constant(60_000),
  // The views carry no VPIN: the toxicity check has its own tests (test/risk/checks/toxicity.test.ts).
  toxicPercentile: fc.constant(0.95),
  toxicSizeFactor: fc.constant(0.5),
  toxicityMaxAgeMs: fc.constant(60_000),
});

const positionArb = fc.record({ qty: fc.double({ min: -3, max: 3, noNaN: true }), avgPrice: fc.double({ min: 10, max: 10_000, noNaN: true }) });

const viewArb: fc.Arbitrary<RiskView> = fc
  .record({
    state: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'REDUCING', 'HALTED'),
    capital: fc.double({ min: 1_000, max: 100_000, noNaN: true }),
    equityRatio: fc.oneof({ arbitrary: fc.double({ min: 0.5, max: 1.5, noNaN: true }), weight: 6 }, { arbitrary: fc.double({ min: -0.1, max: 0.5, noNaN: true }), weight: 1 }),
    dailyPnlRatio: fc.oneof({ arbitrary: fc.double({ min: -0.009, max: 0.05, noNaN: true }), weight: 4 }, { arbitrary: fc.double({ min: -0.12, max: -0.009, noNaN: true }), weight: 1 }),
    positions: fc.dictionary(fc.constantFrom(...SYMBOLS), positionArb, { maxKeys: 3 }),
    fresh: fc.boolean(),
    pending: fc.dictionary(
      fc.constantFrom(...SYMBOLS),
      fc.record({ openBuy: fc.double({ min: 0, max: 1, noNaN: true }), openSell: fc.double({ min: 0, max: 1, noNaN: true }), reduce: fc.double({ min: 0, max: 2, noNaN: true }) }),
      { maxKeys: 2 },
    ),
    marks: fc.dictionary(fc.constantFrom(...SYMBOLS), fc.double({ min: 10, max: 10_000, noNaN: true }), { maxKeys: 3 }),
    openOrdersNotional: fc.double({ min: 0, max: 20_000, noNaN: true }),
    recentSubmits: fc
      .oneof({ arbitrary: fc.array(fc.integer({ min: NOW - 2_000, max: NOW }), { maxLength: 8 }), weight: 4 }, { arbitrary: fc.array(fc.integer({ min: NOW - 2_000, max: NOW }), { maxLength: 120 }), weight: 1 })
      .map((xs) => xs.sort((a, b) => a - b)),
    lastMarketData: fc.dictionary(
      fc.tuple(fc.constantFrom(...VENUES), fc.constantFrom(...SYMBOLS)).map(([v, s]) => `${v}:${s}`),
      fc.integer({ min: NOW - 12_000, max: NOW }),
      { maxKeys: 6 },
    ),
  })
  .map(({ equityRatio, dailyPnlRatio, fresh, ...r }) => ({
    ...r,
    // Half the views have fresh data for every market, so the other limits get exercised.
    lastMarketData: fresh ? Object.fromEntries(VENUES.flatMap((v) => SYMBOLS.map((s) => [`${v}:${s}`, NOW - 50]))) : r.lastMarketData,
    equity: r.capital * equityRatio,
    dayStartEquity: r.capital,
    dailyPnl: r.capital * dailyPnlRatio,
  }));

const intentArb: fc.Arbitrary<OrderIntent> = fc.record(
  {
    intentId: fc.constantFrom('s-1', 's-2'),
    strategy: fc.constant('s'),
    venue: fc.constantFrom(...VENUES, 'auto'),
    symbol: fc.constantFrom(...SYMBOLS),
    side: fc.constantFrom('buy' as const, 'sell' as const),
    kind: fc.constantFrom('open' as const, 'open' as const, 'reduce' as const, 'cancel' as const),
    type: fc.constantFrom('market' as const, 'limit' as const),
    amount: fc.oneof(
      { arbitrary: fc.double({ min: 0.0001, max: 0.5, noNaN: true }), weight: 6 },
      { arbitrary: fc.double({ min: 0.5, max: 5, noNaN: true }), weight: 2 },
      { arbitrary: fc.constantFrom(0, -1, NaN, Infinity), weight: 1 },
    ),
    price: fc.oneof({ arbitrary: fc.double({ min: 10, max: 10_000, noNaN: true }), weight: 8 }, { arbitrary: fc.constantFrom(0, NaN), weight: 1 }),
    expectedProfit: fc.option(fc.double({ min: -0.01, max: 0.01, noNaN: true }), { nil: undefined }),
    cancelClientOrderId: fc.option(fc.constant('s-1.0'), { nil: undefined }),
  },
  { requiredKeys: ['intentId', 'strategy', 'venue', 'symbol', 'side', 'kind', 'type', 'amount', 'price'] },
);

test('10,000 random intents: nothing that breaks a limit is approved, and everything within limits is', () => {
  let approved = 0;
  let denied = 0;
  fc.assert(
    fc.property(intentArb, viewArb, limitsArb, fc.integer({ min: 0, max: 50 }), (intent, view, limits, dt) => {
      const now = NOW + dt;
      const verdict = evaluate(intent, view, limits, now);
      if (verdict.ok) {
        approved += 1;
        assert.deepEqual(brokenLimits(intent, view, limits, now, verdict.amount), [], `approved ${JSON.stringify(intent)} amount ${verdict.amount}`);
        assert.ok(verdict.amount <= intent.amount || intent.kind === 'cancel');
      } else {
        denied += 1;
        assert.ok(verdict.detail.length > 10);
        // Completeness: a denied intent breaks something at the amount asked for (reduce may be clipped, so
        // judge it at the clipped amount).
        const held = view.positions[intent.symbol]?.qty ?? 0;
        const left = Math.abs(held) - (view.pending[intent.symbol]?.reduce ?? 0);
        const asked = intent.kind === 'reduce' && Number.isFinite(intent.amount) && left > 1e-12 ? Math.min(intent.amount, left) : intent.amount;
        assert.notDeepEqual(brokenLimits(intent, view, limits, now, asked), [], `denied ${verdict.reason} but the oracle sees no broken limit: ${JSON.stringify(intent)}`);
      }
    }),
    { numRuns: 10_000, seed: 20260105 },
  );
  // Both outcomes must occur often, or the generators test nothing.
  assert.ok(approved > 1_000, `only ${approved} approvals`);
  assert.ok(denied > 3_000, `only ${denied} denials`);
});

test('in HALTED only cancels pass (10,000 random intents)', () => {
  let cancels = 0;
  fc.assert(
    fc.property(intentArb, viewArb, limitsArb, (intent, view, limits) => {
      const verdict = evaluate(intent, { ...view, state: 'HALTED' }, limits, NOW);
      if (verdict.ok) {
        assert.equal(intent.kind, 'cancel');
        cancels += 1;
      } else if (intent.kind !== 'cancel') {
        assert.ok(verdict.reason === 'HALTED' || verdict.reason === 'INVALID_INTENT', verdict.reason);
      }
    }),
    { numRuns: 10_000, seed: 7 },
  );
  assert.ok(cancels > 500, `only ${cancels} cancels passed`);
});
