import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import type { OrderIntent } from '../../actors/risk/intent.js';
import type { RiskLimits } from '../../actors/risk/limits.js';
import { riskMachine, type RiskEmitted } from '../../machines/risk.machine.js';
import { book, msg, startRisk, verdicts, type Seen } from './risk-helpers.js';

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
const LIMITS: Partial<RiskLimits> = { toxicPercentile: 0.6, toxicSizeFactor: 0.5, toxicityMaxAgeMs: 60_000, maxPositionFraction: 1 };
const intent = (over: Partial<OrderIntent> = {}): OrderIntent => ({
  intentId: 'mm-1', strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', kind: 'open', type: 'limit', amount: 2, price: 5_000, ...over,
});
const approved = (seen: Seen | undefined) => (seen?.type === 'approved' ? seen.approval : undefined);

test('market.toxicity 0.7, then an open of 2 BTC: approved for 1 BTC, the approval saying why; reserved is what was approved', () => {
  const { actor, take } = startRisk({ capital: 100_000, startTs: T0, limits: LIMITS });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  actor.send(msg('market.toxicity', { venue: 'paper', symbol: 'BTC/USDT', vpin: 0.7, percentile: 0.7 }, T0 + 1_000));
  assert.deepEqual(actor.getSnapshot().context.book.toxicity, { 'paper:BTC/USDT': { vpin: 0.7, percentile: 0.7, ts: T0 + 1_000 } });
  actor.send(msg('order.intents', { intents: [intent()] }, T0 + 1_500));
  const a = approved(take()[0]);
  assert.equal(a?.amount, 1);
  assert.deepEqual(a?.clips, ['TOXIC_FLOW: BTC/USDT on paper VPIN 0.7 at percentile 0.7 ≥ 0.6 (500 ms old): buy 2 → 1 BTC (0.5 × the 2 BTC it adds)']);
  assert.equal(actor.getSnapshot().context.book.reservations['mm-1']?.remaining, 1);
  // A later, calmer VPIN replaces it: the next open passes whole, with no clips.
  actor.send(msg('market.toxicity', { venue: 'paper', symbol: 'BTC/USDT', vpin: 0.3, percentile: 0.3 }, T0 + 2_000));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'mm-2' })] }, T0 + 2_500));
  const b = approved(take()[0]);
  assert.equal(b?.amount, 2);
  assert.equal(b?.clips, undefined);
});

test('a VPIN outside [0, 1] is ignored; one older than toxicityMaxAgeMs no longer clips', () => {
  const { actor, take } = startRisk({ capital: 100_000, startTs: T0, limits: LIMITS });
  actor.send(msg('market.toxicity', { venue: 'paper', symbol: 'BTC/USDT', vpin: 1.7, percentile: 1.7 }, T0));
  actor.send(msg('market.toxicity', { venue: 'paper', symbol: 'BTC/USDT', vpin: Number.NaN, percentile: 0.5 }, T0));
  assert.deepEqual(actor.getSnapshot().context.book.toxicity, {});
  actor.send(msg('market.toxicity', { venue: 'paper', symbol: 'BTC/USDT', vpin: 0.9, percentile: 0.9 }, T0));
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0 + 60_000) }, T0 + 60_000));
  actor.send(msg('order.intents', { intents: [intent()] }, T0 + 60_000));
  actor.send(msg('order.intents', { intents: [intent({ intentId: 'mm-2' })] }, T0 + 60_001));
  assert.deepEqual(take().map((s) => approved(s)?.amount), [1, 2], '60,000 ms old still clips, 60,001 ms old does not');
});

test('a snapshot from before market.toxicity (no toxicity in its book) restores and then takes one', () => {
  const { actor } = startRisk({ capital: 100_000, startTs: T0, limits: LIMITS });
  actor.send(msg('book.updated', { book: book('BTC/USDT', 5_000, T0) }, T0));
  const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
  delete persisted.context.book.toxicity;
  const restored = createActor(riskMachine, { snapshot: persisted, input: { capital: 100_000, startTs: T0 } });
  const out: RiskEmitted[] = [];
  restored.on('*', (e) => out.push(e as RiskEmitted));
  restored.start();
  restored.send(msg('order.intents', { intents: [intent()] }, T0 + 1));
  restored.send(msg('market.toxicity', { venue: 'paper', symbol: 'BTC/USDT', vpin: 0.7, percentile: 0.7 }, T0 + 2));
  restored.send(msg('order.intents', { intents: [intent({ intentId: 'mm-2' })] }, T0 + 3));
  assert.deepEqual(verdicts(out).map((s) => approved(s)?.amount), [2, 1]);
});
