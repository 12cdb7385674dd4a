import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isGenuineApproval } from '../../actors/risk/approval.js';
import type { OrderIntent } from '../../actors/risk/intent.js';
import { DEFAULT_RISK_LIMITS } from '../../actors/risk/limits.js';
import { book, fill, msg, startRisk, type Seen } from './risk-helpers.js';

/**
 * RELIABILITY R5/R6 at the machine level: 10,000 random messages (books, fills, intents, halts,
 * re-arms, day changes) stepped through one risk machine. Whatever the sequence: in HALTED only
 * cancels are approved, in REDUCING only reduce/cancel, no approval exceeds max notional, no 1-second
 * window holds more than 100 approved submits, every approval is genuine and approved once.
 */
const T0 = Date.UTC(2026, 0, 5, 22, 0, 0);
const SYMBOLS = ['BTC/USDT', 'ETH/USDT'];

type Step =
  | { k: 'book'; symbol: string; mid: number; dt: number }
  | { k: 'fill'; symbol: string; side: 'buy' | 'sell'; amount: number; price: number; dt: number }
  | { k: 'intent'; intent: Omit<OrderIntent, 'intentId' | 'strategy'>; dt: number }
  | { k: 'halt'; dt: number }
  | { k: 'rearm'; dt: number };

const dt = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 20 }), weight: 20 }, { arbitrary: fc.integer({ min: 1_000, max: 3_600_000 }), weight: 1 });
const symbol = fc.constantFrom(...SYMBOLS);
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ k: fc.constant('book' as const), symbol, mid: fc.double({ min: 1_000, max: 6_000, noNaN: true }), dt }), weight: 4 },
  { arbitrary: fc.record({ k: fc.constant('fill' as const), symbol, side: fc.constantFrom('buy' as const, 'sell' as const), amount: fc.double({ min: 0.001, max: 1, noNaN: true }), price: fc.double({ min: 1_000, max: 6_000, noNaN: true }), dt }), weight: 2 },
  {
    arbitrary: fc.record({
      k: fc.constant('intent' as const),
      intent: fc.record({
        venue: fc.constant('paper'), symbol,
        side: fc.constantFrom('buy' as const, 'sell' as const),
        kind: fc.constantFrom('open' as const, 'reduce' as const, 'cancel' as const),
        type: fc.constant('limit' as const),
        amount: fc.double({ min: 0.0001, max: 3, noNaN: true }),
        price: fc.double({ min: 1_000, max: 6_000, noNaN: true }),
        cancelClientOrderId: fc.constant('x.0'),
      }),
      dt,
    }),
    weight: 8,
  },
  { arbitrary: fc.record({ k: fc.constant('halt' as const), dt }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constant('rearm' as const), dt }), weight: 1 },
);

test('10,000 random messages through the risk machine find no way past the veto', () => {
  let approvals = 0;
  let haltedIntents = 0;
  fc.assert(
    fc.property(fc.array(step, { minLength: 50, maxLength: 200 }), (steps) => {
      const { actor, take } = startRisk({ capital: 20_000, startTs: T0 });
      let ts = T0;
      let seq = 0;
      const approvedIds = new Set<string>();
      const submitTimes: number[] = [];
      for (const s of steps) {
        ts += s.dt;
        const before = actor.getSnapshot().value;
        if (s.k === 'book') actor.send(msg('book.updated', { book: book(s.symbol, s.mid, ts) }, ts));
        else if (s.k === 'fill') actor.send(msg('orders.updated', { updates: [], fills: [fill({ symbol: s.symbol, side: s.side, amount: s.amount, price: s.price, ts })] }, ts));
        else if (s.k === 'halt') actor.send(msg('risk.halt', { reason: 'random' }, ts));
        else if (s.k === 'rearm') actor.send(msg('risk.rearm', { by: 'random' }, ts));
        else actor.send(msg('order.intents', { intents: [{ ...s.intent, intentId: `p-${++seq}`, strategy: 'p' }] }, ts));
        const out: Seen[] = take();
        for (const e of out) {
          if (e.type !== 'approved') continue;
          approvals += 1;
          const { approval } = e;
          assert.ok(isGenuineApproval(approval));
          assert.ok(!approvedIds.has(approval.approvalId), 'approved twice');
          approvedIds.add(approval.approvalId);
          if (before === 'HALTED') {
            haltedIntents += 1;
            assert.equal(approval.intent.kind, 'cancel', 'HALTED approved a non-cancel');
          }
          if (before === 'REDUCING') assert.notEqual(approval.intent.kind, 'open', 'REDUCING approved an open');
          if (approval.intent.kind === 'cancel') continue;
          assert.ok(approval.amount * approval.intent.price <= DEFAULT_RISK_LIMITS.maxNotionalPerOrder);
          assert.ok(approval.amount <= approval.intent.amount);
          submitTimes.push(approval.ts);
          const inWindow = submitTimes.filter((t) => t > approval.ts - 1_000).length;
          assert.ok(inWindow <= DEFAULT_RISK_LIMITS.maxSubmits, `${inWindow} submits in 1 s`);
        }
      }
    }),
    { numRuns: 80, seed: 99 },
  );
  assert.ok(approvals > 500, `only ${approvals} approvals: the generator tests nothing`);
  assert.ok(haltedIntents > 20, `only ${haltedIntents} cancels approved while HALTED`);
});
