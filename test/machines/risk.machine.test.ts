import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { isGenuineApproval } from '../../actors/risk/approval.js';
import type { OrderIntent } from '../../actors/risk/intent.js';
import { riskMachine } from '../../machines/risk.machine.js';
import { book, fill, msg, startRisk, verdicts } from './risk-helpers.js';

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
const intent = (over: Partial<OrderIntent> = {}): OrderIntent => ({
  intentId: 'mm-1', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', kind: 'open', type: 'limit', amount: 0.1, price: 5_000, ...over,
});

test('an intent within limits is approved with a genuine, deterministic approval; a bad one is denied to its strategy', () => {
  const { actor, take } = startRisk({ capital: 10_000, startTs: T0 });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  actor.send(msg('order.intents', { intents: [intent()] }, T0 + 10));
  const [approved] = take();
  assert.equal(approved?.type, 'approved');
  if (approved?.type === 'approved') {
    assert.ok(isGenuineApproval(approved.approval));
    assert.equal(approved.approval.approvalId, 'apv:mm-1');
    assert.equal(approved.approval.amount, 0.1);
    assert.equal(approved.approval.ts, T0 + 10);
  }
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'mm-2', amount: 0.5 })] }, T0 + 20));
  const [denied] = take();
  assert.deepEqual(denied && { ...denied, detail: undefined }, {
    type: 'denied', intent: intent({ intentId: 'mm-2', amount: 0.5 }), reason: 'POSITION_LIMIT', detail: undefined, to: 'strategy:mm',
  });
  // Repeating an intent id is never approved twice.
  actor.send(msg('order.intents', { intents: [intent()] }, T0 + 30));
  assert.equal(take()[0]?.type, 'denied');
});

test('open orders count toward leverage until filled or cancelled', () => {
  const { actor, take } = startRisk({ capital: 10_000, startTs: T0, limits: { maxLeverage: 0.15, maxPositionFraction: 1 } });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'a', amount: 0.2 })] }, T0 + 1));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'b', amount: 0.2, symbol: 'BTC/USDT' })] }, T0 + 2));
  const [a, b] = take();
  assert.equal(a?.type, 'approved');
  assert.equal(b?.type === 'denied' && b.reason, 'LEVERAGE_LIMIT');
  actor.send(msg('orders.updated', { updates: [{ clientOrderId: 'a.0', intentId: 'a', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', status: 'cancelled', filled: 0, amount: 0.2 }], fills: [] }, T0 + 3));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'c', amount: 0.2 })] }, T0 + 4));
  assert.equal(take()[0]?.type, 'approved');
});

test('losses: 3% → REDUCING (reduce-only), 5% → HALTED with cancel-all; only cancels pass; a new UTC day re-arms', () => {
  const { actor, take } = startRisk({ capital: 10_000, startTs: T0, limits: { maxPositionFraction: 1 } });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  actor.send(msg('orders.updated', { updates: [], fills: [fill({ amount: 1, price: 5_000, ts: T0 + 1 })] }, T0 + 1));
  actor.send(msg('book.updated', { book: book('BTC/USDT', 4_650, T0 + 2) }, T0 + 2));
  assert.equal(actor.getSnapshot().value, 'REDUCING');
  assert.deepEqual(take().map((e) => e.type === 'risk.changed' && e.state), ['REDUCING']);
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'o1', amount: 0.01, price: 4_650 })] }, T0 + 3));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'r1', kind: 'reduce', side: 'sell', amount: 3, price: 4_650 })] }, T0 + 4));
  const [o1, r1] = take();
  assert.equal(o1?.type === 'denied' && o1.reason, 'REDUCE_ONLY');
  assert.equal(r1?.type === 'approved' && r1.approval.amount, 1, 'reduce clipped to the position');

  actor.send(msg('book.updated', { book: book('BTC/USDT', 4_490, T0 + 5) }, T0 + 5));
  assert.equal(actor.getSnapshot().value, 'HALTED');
  const halted = take();
  assert.deepEqual(halted.map((e) => e.type), ['orders.cancelAll', 'risk.changed']);
  assert.match(halted[0]?.type === 'orders.cancelAll' ? halted[0].reason : '', /^daily loss 5.1% ≥ maxDailyLossFraction 0.05 \(daily P&L -510.00 on day-start equity 10000.00\)$/);

  actor.send(msg('order.intents', { intents: [intent({ intentId: 'r2', kind: 'reduce', side: 'sell', amount: 1, price: 4_490 })] }, T0 + 6));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'x1', kind: 'cancel', cancelClientOrderId: 'mm-1.0', amount: 0 })] }, T0 + 7));
  const [r2, x1] = take();
  assert.equal(r2?.type === 'denied' && r2.reason, 'HALTED');
  assert.equal(x1?.type, 'approved');

  // Same day, later: still halted. Next UTC day (from the event's ts): daily loss resets, back to ACTIVE.
  actor.send(msg('book.updated', { book: book('BTC/USDT', 4_490, T0 + 3_600_000) }, T0 + 3_600_000));
  assert.equal(actor.getSnapshot().value, 'HALTED');
  const nextDay = Date.UTC(2026, 0, 6, 0, 0, 1);
  actor.send(msg('book.updated', { book: book('BTC/USDT', 4_490, nextDay) }, nextDay));
  assert.equal(actor.getSnapshot().value, 'ACTIVE');
  assert.equal(actor.getSnapshot().context.book.dayStartEquity, 10_000 - 510);
  assert.deepEqual(take().map((e) => e.type === 'risk.changed' && e.state), ['ACTIVE']);
});

test('risk.halt halts (manual halts survive a new day) and only risk.rearm re-arms', () => {
  const { actor, take } = startRisk({ capital: 10_000, startTs: T0 });
  actor.send(msg('risk.halt', { reason: 'supervisor escalation at root' }, T0 + 1));
  assert.equal(actor.getSnapshot().value, 'HALTED');
  const out = take();
  assert.deepEqual(out[0], { type: 'orders.cancelAll', reason: 'manual: supervisor escalation at root' });
  const nextDay = Date.UTC(2026, 0, 6, 1);
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, nextDay) }, nextDay));
  assert.equal(actor.getSnapshot().value, 'HALTED');
  actor.send(msg('risk.rearm', { by: 'operator' }, nextDay + 1));
  assert.equal(actor.getSnapshot().value, 'ACTIVE');
  actor.send(msg('order.intents', { intents: [intent()] }, nextDay + 2));
  assert.equal(take().at(-1)?.type, 'approved');
});

test('drawdown from peak halts until re-armed, even across days', () => {
  const { actor } = startRisk({ capital: 10_000, startTs: T0, limits: { maxPositionFraction: 1, maxDailyLossFraction: 0.5, reduceAtDailyLossFraction: 0.4, maxDrawdownFraction: 0.05 } });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  actor.send(msg('orders.updated', { updates: [], fills: [fill({ amount: 1, price: 5_000 })] }, T0 + 1));
  actor.send(msg('book.updated', { book: book('BTC/USDT', 6_000, T0 + 2) }, T0 + 2)); // peak 11,000
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_440, T0 + 3) }, T0 + 3)); // 10,440: −5.09% from peak
  assert.equal(actor.getSnapshot().value, 'HALTED');
  assert.equal(actor.getSnapshot().context.haltCause, 'drawdown');
  assert.equal(actor.getSnapshot().context.haltDetail, 'drawdown 5.1% ≥ maxDrawdownFraction 0.05 (peak 11000.00, now 10440.00)');
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_440, Date.UTC(2026, 0, 7)) }, Date.UTC(2026, 0, 7)));
  assert.equal(actor.getSnapshot().value, 'HALTED');
});

test('a losing streak pauses new exposure for the cooldown, measured in event time', () => {
  const { actor, take } = startRisk({ capital: 100_000, startTs: T0, limits: { maxLossStreak: 3, cooldownMs: 60_000 } });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  for (let i = 0; i < 3; i++) {
    actor.send(msg('orders.updated', { updates: [], fills: [fill({ side: 'buy', amount: 0.1, price: 5_000 })] }, T0 + 10 * i + 1));
    actor.send(msg('orders.updated', { updates: [], fills: [fill({ side: 'sell', amount: 0.1, price: 4_990, ts: T0 + 10 * i + 2 })] }, T0 + 10 * i + 2));
  }
  assert.equal(actor.getSnapshot().value, 'REDUCING');
  take();
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0 + 30_000) }, T0 + 30_000));
  assert.equal(actor.getSnapshot().value, 'REDUCING');
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0 + 60_023) }, T0 + 60_023));
  assert.equal(actor.getSnapshot().value, 'ACTIVE');
  assert.deepEqual(take().map((e) => e.type === 'risk.changed' && e.state), ['ACTIVE']);
});

test('stale market data is vetoed, using message timestamps', () => {
  const { actor, take } = startRisk({ capital: 10_000, startTs: T0, limits: { staleDataMs: 1_000 } });
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'a' })] }, T0));
  actor.send(msg('candle.closed', { venue: 'paper', symbol: 'BTC/USDT', candle: { ts: T0 - 60_000, open: 5_000, high: 5_010, low: 4_990, close: 5_000, volume: 10 } }, T0 + 100));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'b' })] }, T0 + 1_100));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'c' })] }, T0 + 1_101));
  const [a, b, c] = take();
  assert.equal(a?.type === 'denied' && a.reason, 'STALE_MARKET_DATA');
  assert.equal(b?.type, 'approved');
  assert.equal(c?.type === 'denied' && c.reason, 'STALE_MARKET_DATA');
});

test('market.stale vetoes that market until market.live; a live connection counts as fresh while its book is unchanged (R14)', () => {
  const { actor, take } = startRisk({ capital: 10_000, startTs: T0, limits: { staleDataMs: 1_000 } });
  const at = { venue: 'local-a', symbol: 'BTC/USDT' };
  const on = (id: string) => intent({ intentId: id, venue: 'local-a' });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0, 'local-a') }, T0));
  actor.send(msg('market.live', at, T0 + 10));
  actor.send(msg('order.intents', { intents: [on('quiet')] }, T0 + 30_000));
  actor.send(msg('market.stale', { ...at, lastUpdateTs: T0 }, T0 + 30_001));
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0 + 30_002, 'local-a') }, T0 + 30_002));
  actor.send(msg('order.intents', { intents: [on('while-stale')] }, T0 + 30_003));
  actor.send(msg('order.intents', { intents: [{ ...on('cancel'), kind: 'cancel', cancelClientOrderId: 'quiet.0' }] }, T0 + 30_004));
  actor.send(msg('market.live', at, T0 + 31_000));
  actor.send(msg('order.intents', { intents: [on('live-again')] }, T0 + 31_001));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'other-venue' })] }, T0 + 31_002));
  const verdicts = take().filter((e) => e.type === 'approved' || e.type === 'denied');
  assert.deepEqual(
    verdicts.map((e) => (e.type === 'approved' ? `${e.approval.intent.intentId}: approved` : `${e.intent.intentId}: ${e.reason}`)),
    ['quiet: approved', 'while-stale: STALE_MARKET_DATA', 'cancel: approved', 'live-again: approved', 'other-venue: STALE_MARKET_DATA'],
  );
  const stale = verdicts[1];
  assert.ok(stale?.type === 'denied' && /reports the market stale/.test(stale.detail), 'the detail names the connection, not a data age');
});

test('reduce-only judges each strategy by its own position: two strategies flat together can each unwind their own leg', () => {
  const { actor, take } = startRisk({ capital: 10_000, startTs: T0 });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  actor.send(msg('orders.updated', { updates: [], fills: [fill({ strategy: 'tri', intentId: 'tri-1', side: 'buy', amount: 0.1, ts: T0 + 1 })] }, T0 + 1));
  actor.send(msg('orders.updated', { updates: [], fills: [fill({ strategy: 'cross', intentId: 'cross-1', side: 'sell', amount: 0.1, ts: T0 + 2 })] }, T0 + 2));
  const reduce = (strategy: string, id: string, side: 'buy' | 'sell', amount: number) => intent({ intentId: id, strategy, side, kind: 'reduce', amount });
  actor.send(msg('order.intents', { intents: [reduce('cross', 'cross-h', 'buy', 0.1)] }, T0 + 3));
  actor.send(msg('order.intents', { intents: [reduce('cross', 'cross-h2', 'buy', 0.1)] }, T0 + 4));
  actor.send(msg('order.intents', { intents: [reduce('tri', 'tri-h', 'sell', 0.25)] }, T0 + 5));
  actor.send(msg('order.intents', { intents: [reduce('mm', 'mm-h', 'sell', 0.1)] }, T0 + 6));
  const verdicts = take().map((e) => (e.type === 'approved' ? `${e.approval.intent.intentId} ${e.approval.amount}` : e.type === 'denied' ? `${e.intent.intentId} ${e.reason}` : e.type));
  assert.deepEqual(verdicts, ['cross-h 0.1', 'cross-h2 REDUCE_ONLY', 'tri-h 0.1', 'mm-h REDUCE_ONLY']);
});

test('a leg group hedges what the group itself filled, whatever earlier groups of its strategy left; arb.outcome forgets the group', () => {
  const { actor, take } = startRisk({ capital: 10_000, startTs: T0, limits: { maxPositionFraction: 1 } });
  actor.send(msg('book.updated', { book: book('ETH/BTC', 5_000, T0) }, T0));
  const leg = (id: string, group: string, side: 'buy' | 'sell', kind: 'open' | 'reduce' = 'open') =>
    intent({ intentId: id, strategy: 'tri', symbol: 'ETH/BTC', legGroup: group, side, kind, amount: 0.1 });
  actor.send(msg('order.intents', { intents: [leg('g1.L0', 'g1', 'sell')] }, T0 + 1));
  actor.send(msg('orders.updated', { updates: [], fills: [fill({ strategy: 'tri', intentId: 'g1.L0', symbol: 'ETH/BTC', side: 'sell', amount: 0.1, ts: T0 + 2 })] }, T0 + 2));
  actor.send(msg('arb.outcome', { groupId: 'g1', strategy: 'tri', outcome: 'completed', pnl: {}, detail: '' }, T0 + 3));
  actor.send(msg('order.intents', { intents: [leg('g2.L0', 'g2', 'buy')] }, T0 + 4));
  actor.send(msg('orders.updated', { updates: [], fills: [fill({ strategy: 'tri', intentId: 'g2.L0', symbol: 'ETH/BTC', side: 'buy', amount: 0.1, ts: T0 + 5 })] }, T0 + 5));
  // The strategy is flat on ETH/BTC (g1 sold 0.1, g2 bought 0.1), but g2's hedge must still unwind g2's buy.
  actor.send(msg('order.intents', { intents: [leg('g2.H0', 'g2', 'sell', 'reduce')] }, T0 + 6));
  actor.send(msg('order.intents', { intents: [leg('g1.H0', 'g1', 'buy', 'reduce')] }, T0 + 7));
  const verdicts = take().map((e) => (e.type === 'approved' ? `${e.approval.intent.intentId} ${e.approval.amount}` : e.type === 'denied' ? `${e.intent.intentId} ${e.reason}` : e.type));
  assert.deepEqual(verdicts, ['g1.L0 0.1', 'g2.L0 0.1', 'g2.H0 0.1', 'g1.H0 REDUCE_ONLY']);
});

test('the submit-rate cap holds against a runaway strategy', () => {
  const { actor, out } = startRisk({ capital: 1e9, startTs: T0 });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  for (let i = 0; i < 250; i++) actor.send(msg('order.intents', { intents: [intent({ intentId: `r-${i}`, amount: 0.001 })] }, T0 + 1 + Math.floor(i / 2)));
  const approvals = verdicts(out).filter((e) => e.type === 'approved').length;
  const rateDenied = verdicts(out).filter((e) => e.type === 'denied' && e.reason === 'RATE_LIMIT').length;
  // 250 intents over 125 ms: the first 100 pass, the rest hit the cap.
  assert.equal(approvals, 100);
  assert.equal(rateDenied, 150);
});

test('a restored snapshot resumes HALTED without re-emitting cancel-all', () => {
  const { actor } = startRisk({ capital: 10_000, startTs: T0 });
  actor.send(msg('risk.halt', { reason: 'test' }, T0 + 1));
  const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
  const restored = createActor(riskMachine, { snapshot: persisted, input: { capital: 10_000, startTs: T0 } });
  const emitted: string[] = [];
  restored.on('*', (e) => emitted.push(e.type));
  restored.start();
  assert.equal(restored.getSnapshot().value, 'HALTED');
  assert.deepEqual(emitted, []);
  restored.send(msg('order.intents', { intents: [intent()] }, T0 + 2));
  assert.deepEqual(emitted, ['orders.denied']);
});

test('two reduce intents in flight cannot flip the position: the second is clipped to what is left', () => {
  const { actor, take } = startRisk({ capital: 100_000, startTs: T0 });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  actor.send(msg('orders.updated', { updates: [], fills: [fill({ amount: 1, price: 5_000 })] }, T0 + 1));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'r1', kind: 'reduce', side: 'sell', amount: 0.7 })] }, T0 + 2));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'r2', kind: 'reduce', side: 'sell', amount: 0.7 })] }, T0 + 3));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'r3', kind: 'reduce', side: 'sell', amount: 0.7 })] }, T0 + 4));
  const [r1, r2, r3] = take();
  assert.equal(r1?.type === 'approved' && r1.approval.amount, 0.7);
  assert.ok(r2?.type === 'approved' && Math.abs(r2.approval.amount - 0.3) < 1e-12);
  assert.equal(r3?.type === 'denied' && r3.reason, 'REDUCE_ONLY');
  // r1 fills: the position and the pending reduce shrink together, still nothing left to reduce.
  actor.send(msg('orders.updated', { updates: [], fills: [fill({ intentId: 'r1', side: 'sell', amount: 0.7, price: 5_000 })] }, T0 + 5));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'r4', kind: 'reduce', side: 'sell', amount: 0.1 })] }, T0 + 6));
  assert.equal(take()[0]?.type, 'denied');
});

test('order.unplaced releases the part of an approval execution will never place', () => {
  const { actor, take } = startRisk({ capital: 10_000, startTs: T0 });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'u1', amount: 0.2 })] }, T0 + 1));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'u2', amount: 0.1 })] }, T0 + 2));
  actor.send(msg('order.unplaced', { intentId: 'u1', amount: 0.15, reason: 'splitter dropped the remainder' }, T0 + 3));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'u3', amount: 0.15 })] }, T0 + 4));
  assert.deepEqual(take().map((e) => e.type === 'denied' ? e.reason : e.type), ['approved', 'POSITION_LIMIT', 'approved']);
  assert.ok(Math.abs(actor.getSnapshot().context.book.reservations.u1!.remaining - 0.05) < 1e-12);
});

test('a quote set is judged in one transition, each intent against the book the ones before it left: one approvals batch, one denials batch', () => {
  const { actor, out } = startRisk({ capital: 10_000, startTs: T0, limits: { maxPositionFraction: 0.1 } });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  // 0.2 BTC at 5,000 is the whole 10% limit: the first bid takes it, the second bid finds no room; the ask is on the other side.
  const quotes = [
    intent({ intentId: 'q-1', amount: 0.2 }),
    intent({ intentId: 'q-2', amount: 0.1 }),
    intent({ intentId: 'q-3', side: 'sell', amount: 0.1, price: 5_010 }),
  ];
  actor.send(msg('order.intents', { intents: quotes }, T0 + 1));
  assert.deepEqual(out.map((e) => e.type), ['orders.approved', 'orders.denied']);
  const [approved, denied] = out;
  assert.deepEqual(approved?.type === 'orders.approved' && approved.approvals.map((a) => `${a.intent.intentId} ${a.amount}`), ['q-1 0.2', 'q-3 0.1']);
  assert.ok(approved?.type === 'orders.approved' && approved.approvals.every(isGenuineApproval));
  assert.deepEqual(denied?.type === 'orders.denied' && [denied.to, denied.denials.map((d) => `${d.intent.intentId} ${d.reason}`)], ['strategy:mm', ['q-2 POSITION_LIMIT']]);
  assert.deepEqual(Object.keys(actor.getSnapshot().context.book.reservations), ['q-1', 'q-3']);
});

test('the legs of one trade are approved all or none: a vetoed leg takes its partners with it and reserves nothing', () => {
  const { actor, out, take } = startRisk({ capital: 10_000, startTs: T0, limits: { maxPositionFraction: 1 } });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  actor.send(msg('book.updated', { book: book('ETH/USDT', 300, T0) }, T0));
  const legs = (group: string, ethAmount: number): OrderIntent[] => [
    intent({ intentId: `${group}.L0`, legGroup: group, amount: 0.1 }),
    intent({ intentId: `${group}.L1`, legGroup: group, symbol: 'ETH/USDT', side: 'sell', amount: ethAmount, price: 300 }),
  ];
  // The second leg's notional (40 × 300 = 12,000) is past maxNotionalPerOrder (10,000): both legs are denied.
  actor.send(msg('order.intents', { intents: legs('g1', 40), allOrNone: true }, T0 + 1));
  assert.deepEqual(out.map((e) => e.type), ['orders.denied']);
  const denied = take();
  assert.deepEqual(denied.map((e) => e.type === 'denied' && `${e.intent.intentId} ${e.reason}`), ['g1.L0 MAX_NOTIONAL', 'g1.L1 MAX_NOTIONAL']);
  assert.match(denied[0]?.type === 'denied' ? denied[0].detail : '', /g1\.L1 was denied \(MAX_NOTIONAL: .*\); every leg is approved or none/);
  assert.deepEqual(actor.getSnapshot().context.book.reservations, {});
  assert.deepEqual(actor.getSnapshot().context.book.recentSubmits, [], 'a vetoed group counts nothing toward the submit rate');
  // Within limits, the group passes whole, in one batch.
  actor.send(msg('order.intents', { intents: legs('g2', 1), allOrNone: true }, T0 + 2));
  assert.deepEqual(out.map((e) => e.type === 'orders.approved' && e.approvals.map((a) => a.intent.intentId)), [['g2.L0', 'g2.L1']]);
  // The same intents without allOrNone are judged one by one: the legal leg passes.
  take();
  actor.send(msg('order.intents', { intents: legs('g3', 40) }, T0 + 3));
  assert.deepEqual(take().map((e) => (e.type === 'approved' ? `${e.approval.intent.intentId} approved` : e.type === 'denied' ? `${e.intent.intentId} ${e.reason}` : e.type)), ['g3.L0 approved', 'g3.L1 MAX_NOTIONAL']);
});

test('an intent repeated inside one batch is judged once: the repeat is denied', () => {
  const { actor, take } = startRisk({ capital: 10_000, startTs: T0 });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'd-1', amount: 0.01 }), intent({ intentId: 'd-1', amount: 0.01 })] }, T0 + 1));
  assert.deepEqual(take().map((e) => e.type === 'denied' ? e.reason : e.type), ['approved', 'INVALID_INTENT']);
});

test('a report applies its fills before its updates: a cancel after a partial fill releases only what did not fill', () => {
  const { actor } = startRisk({ capital: 100_000, startTs: T0, limits: { maxPositionFraction: 1 } });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'p-1', amount: 1 })] }, T0 + 1));
  assert.equal(actor.getSnapshot().context.book.reservations['p-1']?.remaining, 1);
  const update = { clientOrderId: 'p-1.0', intentId: 'p-1', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'buy' as const, status: 'cancelled' as const, filled: 0.4, amount: 1 };
  actor.send(msg('orders.updated', { updates: [update], fills: [fill({ intentId: 'p-1', amount: 0.4, ts: T0 + 2 })] }, T0 + 2));
  const { book: after } = actor.getSnapshot().context;
  assert.equal(after.reservations['p-1'], undefined);
  assert.equal(after.positions['BTC/USDT']?.qty, 0.4);
});
