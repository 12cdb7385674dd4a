import { after, before, test } from 'node:test';
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
import { openStore, type Store } from '../../../actors/ledger/storage/store.js';
import { budgetGateActor } from '../../../actors/risk/global-budget/budget-gate-actor.js';
import { BudgetLink } from '../../../actors/risk/global-budget/budget-link.js';
import { GlobalBudget } from '../../../actors/risk/global-budget/global-budget.js';
import { journalShare } from '../../../actors/risk/global-budget/journal-share.js';
import type { JournalShare } from '../../../actors/risk/global-budget/types.js';
import { startOwnRedis, type OwnRedis } from '../../../supervisors/cluster/own-redis.js';
import { bootTradingSystem, type TradingSystem } from '../../../supervisors/boot.js';
import { until } from '../../support/until.js';
import { tempDbFile } from '../../ledger/storage/temp-db.js';
import { budgetConfig, uniquePrefix } from './helpers.js';

// RELIABILITY R21 against a redis-server of this file's own (the shared 6379 is never stopped): it is stopped and
// restarted empty, as a Redis without persistence comes back.
const SUPERVISION = { maxRestarts: 3, withinMs: 60_000, backoff: { minMs: 10, maxMs: 100, jitter: 0 } };
const PRICE = 30_000;
const SYMBOL = 'BTC/USDT';
let own: OwnRedis;

before(async () => {
  own = await startOwnRedis();
});
after(async () => {
  await own.stop();
});

/** A gate held at will: the rebuild waits for `read` before reading the journal and for `write` before writing Redis. */
class Holds {
  read: Promise<void> = Promise.resolve();
  write: Promise<void> = Promise.resolve();
  static gate(): { promise: Promise<void>; open: () => void } {
    let open!: () => void;
    return { promise: new Promise<void>((r) => (open = r)), open };
  }
}

class HeldBudget extends GlobalBudget {
  constructor(redis: Redis, config: ConstructorParameters<typeof GlobalBudget>[1], private readonly holds: Holds) {
    super(redis, config);
  }
  override async rebuildFrom(share: JournalShare): Promise<void> {
    await this.holds.write;
    return super.rebuildFrom(share);
  }
}

interface Node {
  id: string;
  trading: TradingSystem;
  seen: Message[];
  store: Store;
  budget: GlobalBudget;
  holds: Holds;
  publish(intent: OrderIntent): void;
  close(): Promise<void>;
}

/** One cluster node as `arbiter run --cluster` builds it: a journal, a connection that reconnects, the link, the gate. */
async function node(id: string, prefix: string): Promise<Node> {
  const clock = new SystemClock();
  const since = clock.now();
  const store = openStore(tempDbFile(`${id}.db`));
  const redis = new Redis(own.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (n) => Math.min(20 * n, 200) });
  redis.on('error', () => {});
  await new Promise((r) => redis.once('ready', r));
  const holds = new Holds();
  const budget = new HeldBudget(redis, budgetConfig(prefix, { nodeId: id }), holds);
  const link = new BudgetLink({
    redis,
    budget,
    share: async () => {
      await holds.read;
      return journalShare(store.orders, { since, now: clock.now() });
    },
    retryMs: 20,
  });
  const venue = new PaperVenue({ id: 'paper', session: id, fees: { maker: 0, taker: 0.001 }, balances: { USDT: 1_000_000, BTC: 10 } });
  const book = { venue: 'paper', symbol: SYMBOL, ts: clock.now(), bids: [[PRICE - 1, 100] as const], asks: [[PRICE, 100] as const] };
  venue.onBook(book);
  const trading = bootTradingSystem({
    clock,
    logger: pino({ level: 'silent' }),
    store,
    venues: { paper: venue },
    risk: riskActor({ capital: 1_000_000, limits: { maxPositionFraction: 1, maxNotionalPerOrder: 1_000_000, staleDataMs: 600_000 }, startTs: clock.now() }),
    budget: budgetGateActor(budget, link),
    ledger: ledgerActor({ capital: 1_000_000, markEveryMs: 60_000 }),
    execution: executionActor({ store, venues: { paper: venue }, input: { venues: { paper: { taker: 0.001, onNotFound: 'reject' } }, maxLiquidityFraction: 1 } }),
    venueActors: [],
    strategies: [],
    supervision: SUPERVISION,
  });
  const seen: Message[] = [];
  trading.system.observe((m) => seen.push(m));
  trading.system.publish({ type: 'book.updated', book });
  await until(`${id}: gate open after its start rebuild`, () => seen.some((m) => m.type === 'budget.rebuilt'));
  return {
    id, trading, seen, store, budget, holds,
    publish: (intent) => trading.system.publish({ type: 'order.intents', intents: [intent] }),
    async close() {
      await trading.system.shutdown();
      link.close();
      redis.disconnect();
      store.close();
    },
  };
}

const intent = (id: string, amount: number, side: OrderIntent['side'] = 'buy', kind: OrderIntent['kind'] = 'open', type: OrderIntent['type'] = 'market', price = PRICE): OrderIntent => ({
  intentId: id, strategy: 'probe', venue: 'paper', symbol: SYMBOL, side, kind, type, amount, price,
});

/** 'filled', 'resting', or the denial with its detail; undefined while undecided. */
function verdict(n: Node, intentId: string): string | undefined {
  let out: string | undefined;
  for (const m of n.seen) {
    if (m.type === 'orders.updated') for (const u of m.updates) if (u.intentId === intentId) out = u.status === 'filled' ? 'filled' : u.status === 'submitted' ? 'resting' : out;
    if (m.type === 'orders.denied') for (const d of m.denials) if (d.intent.intentId === intentId) out = `${d.reason}: ${d.detail}`;
  }
  return out;
}

/** The intent's verdict; a market order's once it filled or was refused, a limit order's may be that it rests. */
async function decided(n: Node, intentId: string, resting = false): Promise<string> {
  await until(`${intentId} decided`, () => verdict(n, intentId) !== undefined && (resting || verdict(n, intentId) !== 'resting'));
  return verdict(n, intentId)!;
}

const seenCount = (n: Node, type: string) => n.seen.filter((m) => m.type === type).length;
const near = (a: number | undefined, b: number) => a !== undefined && Math.abs(a - b) < 1e-9;

async function filledShare(n: Node, amount: number): Promise<void> {
  await n.trading.system.whenQuiescent();
  let last = await n.budget.snapshot();
  for (let k = 0; k < 200 && !near(last.nodeFilled[SYMBOL], amount); k++) last = await new Promise((r) => setTimeout(r, 10)).then(() => n.budget.snapshot());
  assert.ok(near(last.nodeFilled[SYMBOL], amount), `${n.id}: share ${JSON.stringify(last.nodeFilled)}, expected ${amount}`);
}

test('Redis lost: opens refused, reduces pass; back empty: the gate stays closed until the journal is rebuilt, then the budget counts the journaled position before it grants anything', async () => {
  const a = await node('a', uniquePrefix('r21-one'));
  try {
    a.publish(intent('a-1', 0.01));
    assert.equal(await decided(a, 'a-1'), 'filled');
    await filledShare(a, 0.01);

    const write = Holds.gate();
    a.holds.write = write.promise;
    await own.stop();
    await until('loss seen by the gate', () => seenCount(a, 'budget.lost') === 1);
    a.publish(intent('a-2', 0.001));
    assert.match(await decided(a, 'a-2'), /^GLOBAL_BUDGET: cluster budget lost \(Redis not answering\): no order may add exposure$/);
    a.publish(intent('a-r1', 0.005, 'sell', 'reduce'));
    assert.equal(await decided(a, 'a-r1'), 'filled', 'a reduce order goes through while Redis is down');

    await own.restart();
    await until('Redis back, seen by the gate', () => seenCount(a, 'budget.back') === 1);
    assert.deepEqual((await a.budget.snapshot()).nodeFilled, {}, 'Redis came back empty');
    a.publish(intent('a-3', 0.001));
    assert.match(await decided(a, 'a-3'), /^GLOBAL_BUDGET: cluster budget being rebuilt from this node's journal/, 'Redis answering is not enough to open the gate');
    assert.equal((await a.budget.snapshot()).reservations, 0, 'nothing was granted before the rebuild');

    write.open();
    await until('rebuilt after the loss', () => a.seen.some((m) => m.type === 'budget.rebuilt' && m.epoch === 1));
    const rebuilt = await a.budget.snapshot();
    assert.ok(near(rebuilt.nodeFilled[SYMBOL], 0.005) && near(rebuilt.symbols[SYMBOL]?.filled, 0.005), JSON.stringify(rebuilt));
    const fees = a.store.orders.fillsSince(0).reduce((s, f) => s + f.fee, 0);
    assert.ok(near(rebuilt.nodeDayPnl, -0.005 * 1 - fees), `day P&L from the journal: ${rebuilt.nodeDayPnl}`);
    // 0.005 BTC held (150 USDT) + 0.03 (900) passes the 1,000 limit: refused because the rebuild counted the position.
    a.publish(intent('a-4', 0.03));
    assert.match(await decided(a, 'a-4'), /^GLOBAL_BUDGET: cluster position in BTC\/USDT would be 150 \+ 900 = 1,050 USDT long, max 1,000/);
    a.publish(intent('a-5', 0.01));
    assert.equal(await decided(a, 'a-5'), 'filled');
    await filledShare(a, 0.015);
  } finally {
    await a.close();
  }
});

test('two nodes on the restarted Redis each restore their own share: positions, day P&L, working orders', async () => {
  const prefix = uniquePrefix('r21-two');
  const a = await node('a', prefix);
  const b = await node('b', prefix);
  const admin = new Redis(own.url, { maxRetriesPerRequest: 1 });
  admin.on('error', () => {});
  try {
    a.publish(intent('a-1', 0.01));
    b.publish(intent('b-1', 0.02, 'sell'));
    assert.equal(await decided(a, 'a-1'), 'filled');
    assert.equal(await decided(b, 'b-1'), 'filled');
    // b's limit sell above the market rests: a working order, held in the budget.
    b.publish(intent('b-w1', 0.005, 'sell', 'open', 'limit', 31_000));
    assert.equal(await decided(b, 'b-w1', true), 'resting');
    await filledShare(a, 0.01);
    await filledShare(b, -0.02);
    const before = await a.budget.snapshot();
    assert.equal(before.reservations, 1);

    await own.restart();
    for (const n of [a, b]) await until(`${n.id} rebuilt`, () => n.seen.some((m) => m.type === 'budget.rebuilt' && m.epoch === 1));
    const [sa, sb] = [await a.budget.snapshot(), await b.budget.snapshot()];
    assert.deepEqual(sa.nodeFilled, { [SYMBOL]: 0.01 });
    assert.deepEqual(sb.nodeFilled, { [SYMBOL]: -0.02 });
    assert.ok(near(sa.symbols[SYMBOL]?.filled, -0.01) && near(sa.symbols[SYMBOL]?.reservedSell, 0.005) && near(sa.symbols[SYMBOL]?.reservedBuy, 0), JSON.stringify(sa.symbols));
    // Valued at the last fill's price of the node that rebuilt last (before the loss: the last reserve's or fill's).
    const price = sa.symbols[SYMBOL]!.price;
    assert.ok([PRICE, PRICE - 1].includes(price), `price ${price}`);
    assert.ok(near(sa.gross, 0.015 * price) && near(before.gross, 0.015 * before.symbols[SYMBOL]!.price), `gross ${sa.gross}, before the loss ${before.gross}`);
    assert.equal(sa.reservations, 1);
    assert.equal(JSON.parse((await admin.hget(`${prefix}res`, 'b-w1'))!).n, 'b', "the working order is b's again");
    for (const [n, s] of [[a, sa], [b, sb]] as const) {
      const fees = n.store.orders.fillsSince(0).reduce((sum, f) => sum + f.fee, 0);
      assert.ok(near(s.nodeDayPnl, -fees), `${n.id}: day P&L ${s.nodeDayPnl}, fees ${fees}`);
    }
  } finally {
    admin.disconnect();
    await a.close();
    await b.close();
  }
});

test('a fill journaled before the rebuild read is not counted twice; one journaled after it is counted once', async () => {
  const a = await node('a', uniquePrefix('r21-twice'));
  try {
    a.publish(intent('a-1', 0.01));
    assert.equal(await decided(a, 'a-1'), 'filled');
    await filledShare(a, 0.01);

    // The rebuild waits before reading the journal; meanwhile a reduce fills: journaled, its report held by the gate.
    const read = Holds.gate();
    a.holds.read = read.promise;
    await own.restart();
    await until('back', () => seenCount(a, 'budget.back') === 1);
    a.publish(intent('a-r1', 0.004, 'sell', 'reduce'));
    assert.equal(await decided(a, 'a-r1'), 'filled');
    read.open();
    await until('rebuilt', () => a.seen.some((m) => m.type === 'budget.rebuilt' && m.epoch === 1));
    await filledShare(a, 0.006);

    // The rebuild has read the journal and waits before writing; a reduce filled now is not in what it read.
    a.holds.read = Promise.resolve();
    const write = Holds.gate();
    a.holds.write = write.promise;
    await own.restart();
    await until('back again', () => seenCount(a, 'budget.back') === 2);
    a.publish(intent('a-r2', 0.002, 'sell', 'reduce'));
    assert.equal(await decided(a, 'a-r2'), 'filled');
    write.open();
    await until('rebuilt again', () => a.seen.some((m) => m.type === 'budget.rebuilt' && m.epoch === 2));
    await filledShare(a, 0.004);

    // Straight at the budget: a late report of a fill the rebuild counted counts nothing; a new fill counts.
    const [f] = a.store.orders.fillsSince(0).filter((x) => x.intentId === 'a-r2');
    assert.equal((await a.budget.fill('a-r2', { fillId: f!.fillId, symbol: SYMBOL, side: 'sell', amount: f!.amount, price: f!.price })).counted, false);
    await a.budget.rebuildFrom(journalShare(a.store.orders, { since: 0, now: Date.now() }));
    assert.equal((await a.budget.fill('a-r2', { fillId: f!.fillId, symbol: SYMBOL, side: 'sell', amount: f!.amount, price: f!.price })).counted, false);
    assert.equal((await a.budget.fill('late', { fillId: 'a-new', symbol: SYMBOL, side: 'buy', amount: 0.001, price: PRICE })).counted, true);
    await filledShare(a, 0.005);
  } finally {
    await a.close();
  }
});
