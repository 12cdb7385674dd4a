import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { SystemClock } from '../../../actors/runtime/clock.js';
import type { Message } from '../../../actors/runtime/messages.js';
import type { OrderIntent } from '../../../actors/risk/intent.js';
import { riskActor } from '../../../actors/risk/risk-actor.js';
import { ledgerActor } from '../../../actors/ledger/ledger-actor.js';
import { executionActor } from '../../../actors/execution/execution-actor.js';
import { PaperVenue } from '../../../actors/venues/paper/paper-venue.js';
import { budgetGateActor } from '../../../actors/risk/global-budget/budget-gate-actor.js';
import { GlobalBudget } from '../../../actors/risk/global-budget/global-budget.js';
import { bootTradingSystem, type TradingSystem } from '../../../supervisors/boot.js';
import { until } from '../../support/until.js';
import { budgetConfig, Nodes, uniquePrefix } from './helpers.js';

const SUPERVISION = { maxRestarts: 3, withinMs: 60_000, backoff: { minMs: 10, maxMs: 100, jitter: 0 } };
const PRICE = 30_000;

/** One node: risk (loose local limits, so the cluster's bind), the budget gate, ledger, execution, a paper venue with a deep book. */
function node(budget: GlobalBudget): { trading: TradingSystem; seen: Message[]; venue: PaperVenue } {
  const clock = new SystemClock();
  const venue = new PaperVenue({ id: 'paper', fees: { maker: 0, taker: 0.001 }, balances: { USDT: 1_000_000, BTC: 10 } });
  const book = { venue: 'paper', symbol: 'BTC/USDT', ts: clock.now(), bids: [[PRICE - 1, 100] as const], asks: [[PRICE, 100] as const] };
  venue.onBook(book);
  const trading = bootTradingSystem({
    clock,
    logger: pino({ level: 'silent' }),
    venues: { paper: venue },
    risk: riskActor({ capital: 1_000_000, limits: { maxPositionFraction: 1, maxNotionalPerOrder: 1_000_000, staleDataMs: 600_000 }, startTs: clock.now() }),
    budget: budgetGateActor(budget),
    ledger: ledgerActor({ capital: 1_000_000, markEveryMs: 60_000 }),
    execution: executionActor({ venues: { paper: venue }, input: { venues: { paper: { taker: 0.001, onNotFound: 'reject' } }, maxLiquidityFraction: 1 } }),
    venueActors: [],
    strategies: [],
    supervision: SUPERVISION,
  });
  const seen: Message[] = [];
  trading.system.observe((m) => seen.push(m));
  trading.system.publish({ type: 'book.updated', book });
  return { trading, seen, venue };
}

const buy = (id: string, amount = 0.01, kind: OrderIntent['kind'] = 'open', side: OrderIntent['side'] = 'buy'): OrderIntent => ({
  intentId: id, strategy: 'probe', venue: 'paper', symbol: 'BTC/USDT', side, kind, type: 'market', amount, price: PRICE,
});

/** Per intent: 'filled', or the denial reason; undefined while undecided. */
function verdicts(seen: readonly Message[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of seen) {
    if (m.type === 'orders.updated') for (const u of m.updates) if (u.status === 'filled') out.set(u.intentId, 'filled');
    if (m.type === 'orders.denied') for (const d of m.denials) out.set(d.intent.intentId, `${d.reason}: ${d.detail}`);
  }
  return out;
}

test('two nodes racing for one symbol\'s cluster budget: fills stop at the global limit, the rest are GLOBAL_BUDGET vetoes with the numbers', async () => {
  const nodes = new Nodes();
  const prefix = uniquePrefix('gate');
  const a = node(nodes.budget(budgetConfig(prefix, { nodeId: 'a' })));
  const b = node(nodes.budget(budgetConfig(prefix, { nodeId: 'b' })));
  try {
    // Each node asks five times for 0.01 BTC (300 USDT); the cluster allows 1,000 USDT long in BTC/USDT: three fit.
    const ids = (n: string) => [1, 2, 3, 4, 5].map((k) => `${n}-${k}`);
    for (const k of [0, 1, 2, 3, 4]) {
      a.trading.system.publish({ type: 'order.intents', intents: [buy(ids('a')[k]!)] });
      b.trading.system.publish({ type: 'order.intents', intents: [buy(ids('b')[k]!)] });
    }
    await until('every intent decided', () => verdicts(a.seen).size === 5 && verdicts(b.seen).size === 5, 10_000);
    const all = [...verdicts(a.seen), ...verdicts(b.seen)];
    const filled = all.filter(([, v]) => v === 'filled');
    const vetoed = all.filter(([, v]) => v.startsWith('GLOBAL_BUDGET'));
    assert.equal(filled.length, 3, JSON.stringify(all));
    assert.equal(vetoed.length, 7, JSON.stringify(all));
    assert.match(vetoed[0]![1], /cluster position in BTC\/USDT would be .* USDT long, max 1,000/);
    // The fills reached the budget: 0.03 BTC filled between the two nodes, nothing left reserved.
    const reader = nodes.budget(budgetConfig(prefix, { nodeId: 'a' }));
    let after = await reader.snapshot();
    for (let k = 0; k < 200 && after.reservations > 0; k++) after = await new Promise((r) => setTimeout(r, 10)).then(() => reader.snapshot());
    assert.ok(Math.abs(after.symbols['BTC/USDT']!.filled - 0.03) < 1e-12, JSON.stringify(after));
    for (const n of [a, b]) assert.equal(n.seen.filter((m) => m.type === 'budget.answered').length, 5, 'one reservation per approval: the gate does not take its own approvals for risk\'s');
    // Each node's own risk released what the cluster refused: its local book holds only its fills.
    for (const n of [a, b]) {
      const released = n.seen.filter((m) => m.type === 'order.unplaced');
      assert.equal(released.length, [...verdicts(n.seen).values()].filter((v) => v.startsWith('GLOBAL_BUDGET')).length);
    }
  } finally {
    await Promise.all([a.trading.system.shutdown(), b.trading.system.shutdown()]);
    await nodes.close();
  }
});

test('Redis not answering: the gate refuses what adds exposure and lets reduce orders through', async () => {
  const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  dead.on('error', () => {});
  const n = node(new GlobalBudget(dead, budgetConfig(uniquePrefix('dead'))));
  try {
    n.trading.system.publish({ type: 'order.intents', intents: [buy('open-1')] });
    await until('open decided', () => verdicts(n.seen).has('open-1'), 5_000);
    assert.match(verdicts(n.seen).get('open-1')!, /^GLOBAL_BUDGET: cluster budget unreachable \(.+\): no order may add exposure$/);
    n.trading.system.publish({ type: 'order.intents', intents: [buy('reduce-1', 0.01, 'reduce', 'sell')] });
    await until('reduce decided', () => verdicts(n.seen).has('reduce-1'), 5_000);
    assert.notEqual(verdicts(n.seen).get('reduce-1')?.split(':')[0], 'GLOBAL_BUDGET', 'a reduce order is not held back by the budget');
  } finally {
    await n.trading.system.shutdown();
    dead.disconnect();
  }
});
