import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../../../actors/ledger/storage/database.js';
import { PositionJournal } from '../../../actors/ledger/storage/position-journal.js';
import type { BudgetRequest } from '../../../actors/risk/global-budget/types.js';
import { budgetVeto } from '../../../actors/risk/global-budget/veto.js';
import { budgetConfig, Nodes, uniquePrefix } from './helpers.js';

/** Worked numbers: BTC/USDT and ETH/USDT at 100, limits 1,000 per symbol, 2,500 gross, 100 daily loss. */
const nodes = new Nodes();
after(() => nodes.close());

let n = 0;
function order(side: 'buy' | 'sell', amount: number, symbol = 'BTC/USDT', price = 100, kind: 'open' | 'reduce' = 'open'): BudgetRequest {
  return { reservationId: `r${++n}`, symbol, side, kind, amount, notional: amount * price };
}

function fresh(name: string, overrides = {}) {
  return nodes.budget(budgetConfig(uniquePrefix(name), overrides));
}

test('reserve holds the exposure; one past the position limit is refused with the numbers, and changes nothing', async () => {
  const budget = fresh('position');
  const held = await budget.reserve(order('buy', 4));
  assert.deepEqual({ ...held, seq: 0 }, { ok: true, positionAfter: 400, grossAfter: 400, seq: 0 });

  const big = order('buy', 7);
  const refused = await budget.reserve(big);
  assert.ok(!refused.ok);
  assert.deepEqual([refused.limit, refused.limitValue, refused.current, refused.requested], ['position', 1_000, 400, 700]);
  const veto = budgetVeto(big, refused);
  assert.equal(veto.reason, 'GLOBAL_BUDGET');
  assert.equal(veto.detail, 'cluster position in BTC/USDT would be 400 + 700 = 1,100 USDT long, max 1,000 (open buy 7 BTC)');
  assert.equal((await budget.snapshot()).symbols['BTC/USDT']!.reservedBuy, 4);

  assert.ok((await budget.reserve(order('buy', 6))).ok, 'exactly at the limit is allowed');
  const snap = await budget.snapshot();
  assert.deepEqual(snap.symbols['BTC/USDT'], { filled: 0, reservedBuy: 10, reservedSell: 0, price: 100, exposure: 1_000 });
  assert.equal(snap.reservations, 2);
  // The worst case is per direction: sells now may go 10 short of the buys' 10 long.
  assert.ok((await budget.reserve(order('sell', 10))).ok);
  const short = await budget.reserve(order('sell', 1));
  assert.ok(!short.ok && short.limit === 'position' && short.current === 1_000 && short.requested === 100);
});

test('the gross limit counts every symbol, refusing with the numbers', async () => {
  const budget = fresh('gross', { globalMaxGrossNotional: 1_500 });
  assert.ok((await budget.reserve(order('buy', 10))).ok);
  const eth = order('buy', 6, 'ETH/USDT');
  const refused = await budget.reserve(eth);
  assert.ok(!refused.ok);
  assert.deepEqual([refused.limit, refused.limitValue, refused.current, refused.requested], ['gross', 1_500, 1_000, 600]);
  assert.equal(budgetVeto(eth, refused).detail, 'cluster gross exposure would be 1,000 + 600 = 1,600 USDT, max 1,500 (open buy 6 ETH ETH/USDT)');
  const fits = await budget.reserve(order('buy', 5, 'ETH/USDT'));
  assert.ok(fits.ok && fits.grossAfter === 1_500 && fits.positionAfter === 500);
  // A sell of ETH smaller than the buys held adds no worst-case exposure, so no gross either.
  assert.ok((await budget.reserve(order('sell', 5, 'ETH/USDT'))).ok);
  assert.equal((await budget.snapshot()).gross, 1_500);
});

test('orders that lower exposure are always allowed, even at the limits and the daily loss; the rest is refused', async () => {
  const budget = fresh('reduce');
  const buy = order('buy', 10);
  assert.ok((await budget.reserve(buy)).ok);
  assert.ok((await budget.fill(buy.reservationId, { fillId: 'f1', symbol: 'BTC/USDT', side: 'buy', amount: 10, price: 100 })).counted);
  const more = await budget.reserve(order('buy', 1));
  assert.ok(!more.ok && more.limit === 'position');

  assert.ok((await budget.reserve(order('sell', 4, 'BTC/USDT', 100, 'reduce'))).ok);
  assert.equal(await budget.recordLoss(150), 150);
  assert.ok((await budget.reserve(order('sell', 3, 'BTC/USDT', 100, 'reduce'))).ok, 'reduces pass a loss past the limit');
  const open = order('buy', 1);
  const refused = await budget.reserve(open);
  assert.ok(!refused.ok);
  assert.deepEqual([refused.limit, refused.limitValue, refused.current, refused.requested], ['dailyLoss', 100, 150, 100]);
  assert.equal(budgetVeto(open, refused).detail, 'cluster realised loss today 150 USDT ≥ max 100: no order may add exposure (open buy 1 BTC BTC/USDT adds 100 USDT)');
  // 7 of the 10 long are already being sold: selling 5 more goes 2 short, and that part adds exposure.
  const flip = await budget.reserve(order('sell', 5, 'BTC/USDT', 100, 'reduce'));
  assert.ok(!flip.ok && flip.limit === 'dailyLoss' && flip.requested === 200);
  assert.ok((await budget.reserve(order('sell', 3, 'BTC/USDT', 100, 'reduce'))).ok, 'down to flat still passes');
});

test('a retried reserve gets the same answer and never counts twice, even fired concurrently or after the reservation ended', async () => {
  const budget = fresh('idempotent');
  const req = order('buy', 4);
  const answers = await Promise.all(Array.from({ length: 8 }, () => budget.reserve(req)));
  for (const a of answers) assert.deepEqual(a, answers[0]);
  assert.equal((await budget.snapshot()).symbols['BTC/USDT']!.reservedBuy, 4);

  assert.equal((await budget.release(req.reservationId)).released, 4);
  assert.deepEqual(await budget.reserve(req), answers[0], 'the first answer, and nothing reserved again');
  assert.equal((await budget.snapshot()).symbols['BTC/USDT']?.reservedBuy ?? 0, 0);

  const tooBig = order('buy', 11);
  const first = await budget.reserve(tooBig);
  assert.ok(!first.ok);
  assert.deepEqual(await budget.reserve({ ...tooBig, amount: 1, notional: 100 }), first, 'the id decides: a retry is the same refusal');
});

test('release returns what is still held, once', async () => {
  const budget = fresh('release');
  const a = order('buy', 6);
  const b = order('buy', 4);
  assert.ok((await budget.reserve(a)).ok);
  assert.ok((await budget.reserve(b)).ok);
  assert.ok(!(await budget.reserve(order('buy', 1))).ok);
  assert.equal((await budget.release(a.reservationId)).released, 6);
  assert.equal((await budget.release(a.reservationId)).released, 0);
  assert.equal((await budget.release('never-reserved')).released, 0);
  const snap = await budget.snapshot();
  assert.deepEqual([snap.symbols['BTC/USDT']!.reservedBuy, snap.gross, snap.reservations], [4, 400, 1]);
  assert.ok((await budget.reserve(order('buy', 6))).ok);
});

test('partial fills move reserved to filled, each fillId once; a late fill of an ended reservation still counts', async () => {
  const budget = fresh('fill');
  const buy = order('buy', 10);
  assert.ok((await budget.reserve(buy)).ok);
  const part = { fillId: 'p1', symbol: 'BTC/USDT', side: 'buy' as const, amount: 4, price: 99 };
  const first = await budget.fill(buy.reservationId, part);
  assert.deepEqual({ ...first, seq: 0 }, { counted: true, fromReserved: 4, stillReserved: 6, seq: 0 });
  assert.deepEqual((await budget.snapshot()).symbols['BTC/USDT'], { filled: 4, reservedBuy: 6, reservedSell: 0, price: 99, exposure: 990 });
  const again = await budget.fill(buy.reservationId, part);
  assert.ok(!again.counted && again.stillReserved === 6);
  assert.equal((await budget.snapshot()).symbols['BTC/USDT']!.filled, 4);

  await assert.rejects(budget.fill(buy.reservationId, { ...part, fillId: 'p-wrong', side: 'sell' }), /is a sell of BTC\/USDT, its reservation a buy of BTC\/USDT/);
  assert.equal((await budget.snapshot()).symbols['BTC/USDT']!.filled, 4, 'the refused fill wrote nothing');

  const rest = await budget.fill(buy.reservationId, { ...part, fillId: 'p2', amount: 6, price: 100 });
  assert.deepEqual([rest.fromReserved, rest.stillReserved], [6, 0]);
  assert.equal((await budget.release(buy.reservationId)).released, 0, 'nothing left to release');
  assert.equal((await budget.snapshot()).reservations, 0);

  const cancelled = order('sell', 3);
  assert.ok((await budget.reserve(cancelled)).ok);
  assert.equal((await budget.release(cancelled.reservationId)).released, 3);
  const late = await budget.fill(cancelled.reservationId, { fillId: 'late', symbol: 'BTC/USDT', side: 'sell', amount: 1, price: 100 });
  assert.deepEqual([late.counted, late.fromReserved], [true, 0]);
  const snap = await budget.snapshot();
  assert.deepEqual([snap.symbols['BTC/USDT']!.filled, snap.symbols['BTC/USDT']!.reservedSell, snap.nodeFilled['BTC/USDT']], [9, 0, 9]);
});

test("the day's realised loss is net of its gains, and a new UTC day starts it from zero", async () => {
  const budget = fresh('loss');
  const buy = order('buy', 2);
  assert.ok((await budget.reserve(buy)).ok);
  await budget.fill(buy.reservationId, { fillId: 'l1', symbol: 'BTC/USDT', side: 'buy', amount: 1, price: 100, realizedPnl: -60 });
  assert.equal(await budget.recordLoss(40), 100);
  const refused = await budget.reserve(order('buy', 1));
  assert.ok(!refused.ok && refused.limit === 'dailyLoss' && refused.current === 100, 'a loss at the limit refuses');
  await budget.fill(buy.reservationId, { fillId: 'l2', symbol: 'BTC/USDT', side: 'buy', amount: 1, price: 100, realizedPnl: 30 });
  const snap = await budget.snapshot();
  assert.equal(snap.dayPnl, -70);
  assert.equal(snap.nodeDayPnl, -70);
  const before = new Date().toISOString().slice(0, 10);
  assert.ok(snap.day === before || snap.day === new Date(Date.now() - 1_000).toISOString().slice(0, 10), `the Redis clock's UTC date, got ${snap.day}`);
  assert.ok((await budget.reserve(order('buy', 1))).ok);

  assert.equal(await budget.recordLoss(50), 120);
  assert.ok(!(await budget.reserve(order('buy', 1))).ok);
  // The stored day is yesterday's: the next call starts a new day.
  const [client] = nodes.clients.slice(-1);
  await client!.hset(budget.keys[7]!, 'day', '2000-01-01');
  assert.ok((await budget.reserve(order('buy', 1))).ok);
  const next = await budget.snapshot();
  assert.deepEqual([next.day === snap.day || next.day > snap.day, next.dayPnl], [true, 0]);
});

test("a dead node's reservation expires and its exposure returns to the budget; a live one can renew", async () => {
  const prefix = uniquePrefix('expiry');
  const config = budgetConfig(prefix, { reservationTtlMs: 150 });
  const dying = nodes.budget(config);
  const alive = nodes.budget(config);
  const held = order('buy', 10);
  assert.ok((await dying.reserve(held)).ok);
  nodes.clients.at(-2)!.disconnect();
  const early = await alive.reserve(order('buy', 1));
  assert.ok(!early.ok && early.current === 1_000);
  await sleep(200);
  const later = await alive.reserve(order('buy', 1));
  assert.ok(later.ok && later.positionAfter === 100, 'the sweep in reserve returned the 10');
  assert.equal((await alive.snapshot()).reservations, 1);

  // A fill of the expired order that does come still counts as filled exposure.
  await alive.fill(held.reservationId, { fillId: 'x1', symbol: 'BTC/USDT', side: 'buy', amount: 10, price: 100 });
  assert.deepEqual([(await alive.snapshot()).symbols['BTC/USDT']!.filled], [10]);

  const renewed = order('sell', 2);
  assert.ok((await alive.reserve(renewed)).ok);
  for (let i = 0; i < 4; i++) {
    await sleep(60);
    assert.ok(await alive.renew(renewed.reservationId));
  }
  assert.equal(await alive.expire(), 1, "only the buy 1 expired; the renewed sell did not");
  assert.equal((await alive.release(renewed.reservationId)).released, 2);
  assert.equal(await alive.renew(renewed.reservationId), false);
});

test('with sweepBatch 0 expired reservations count until expire() returns them', async () => {
  const budget = fresh('expire', { reservationTtlMs: 50, sweepBatch: 0 });
  assert.ok((await budget.reserve(order('buy', 10))).ok);
  assert.ok((await budget.reserve(order('sell', 10))).ok);
  await sleep(80);
  assert.ok(!(await budget.reserve(order('buy', 1))).ok, 'still counted: nothing swept');
  assert.equal(await budget.expire(1), 2);
  const snap = await budget.snapshot();
  assert.deepEqual([snap.reservations, snap.gross, snap.symbols['BTC/USDT']?.reservedBuy ?? 0], [0, 0, 0]);
  assert.ok((await budget.reserve(order('buy', 1))).ok);
});

test('answers and fill ids are forgotten after the idempotency window: the id is then new', async () => {
  const budget = fresh('window', { reservationTtlMs: 40, idempotencyWindowMs: 80 });
  const req = order('buy', 10);
  const first = await budget.reserve(req);
  assert.ok(first.ok);
  await budget.fill(req.reservationId, { fillId: 'w1', symbol: 'BTC/USDT', side: 'buy', amount: 5, price: 100 });
  assert.deepEqual(await budget.reserve(req), first, 'within the window');
  await sleep(120);
  assert.equal(await budget.expire(), 1, 'the unfilled 5 expired');
  const again = await budget.reserve(req);
  assert.ok(!again.ok && again.limit === 'position' && again.current === 500, 'judged afresh: the filled 5 plus 10 is past 1,000');
  assert.ok((await budget.fill(req.reservationId, { fillId: 'w1', symbol: 'BTC/USDT', side: 'buy', amount: 5, price: 100 })).counted, 'the fill id is new too');
});

test("rebuild replaces the node's filled share by its journal's positions and drops only its own reservations", async () => {
  const prefix = uniquePrefix('rebuild');
  const a = nodes.budget(budgetConfig(prefix, { nodeId: 'node-a' }));
  const b = nodes.budget(budgetConfig(prefix, { nodeId: 'node-b' }));
  const fillOf = async (budget: typeof a, side: 'buy' | 'sell', amount: number) => {
    const r = order(side, amount);
    assert.ok((await budget.reserve(r)).ok);
    await budget.fill(r.reservationId, { fillId: `fill-${r.reservationId}`, symbol: 'BTC/USDT', side, amount, price: 100 });
  };
  await fillOf(a, 'buy', 5);
  await fillOf(b, 'sell', 2);
  assert.ok((await a.reserve(order('buy', 3))).ok);
  assert.ok((await b.reserve(order('buy', 1))).ok);
  assert.deepEqual((await a.snapshot()).symbols['BTC/USDT'], { filled: 3, reservedBuy: 4, reservedSell: 0, price: 100, exposure: 700 });

  const dir = mkdtempSync(join(tmpdir(), 'arbiter-gbudget-'));
  const db = openDatabase(join(dir, 'journal.db'));
  try {
    const journal = new PositionJournal(db);
    journal.save({ strategy: 'mm', venue: 'paper', symbol: 'BTC/USDT', amount: 3, avgPrice: 100, ts: 1 });
    journal.save({ strategy: 'sma', venue: 'binance', symbol: 'BTC/USDT', amount: 1, avgPrice: 120, ts: 1 });
    journal.save({ strategy: 'mm', venue: 'paper', symbol: 'ETH/USDT', amount: -2, avgPrice: 50, ts: 1 });
    await a.rebuild(journal.all(), { marks: { 'ETH/USDT': 40 }, dayPnl: -30 });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const snap = await a.snapshot();
  // BTC: node-a 3 + 1 = 4, node-b −2; node-b's buy 1 is still held, node-a's buy 3 is gone.
  assert.deepEqual(snap.symbols['BTC/USDT'], { filled: 2, reservedBuy: 1, reservedSell: 0, price: 105, exposure: 315 });
  assert.deepEqual(snap.symbols['ETH/USDT'], { filled: -2, reservedBuy: 0, reservedSell: 0, price: 40, exposure: 80 });
  assert.deepEqual(snap.nodeFilled, { 'BTC/USDT': 4, 'ETH/USDT': -2 });
  assert.deepEqual([snap.reservations, snap.dayPnl, snap.nodeDayPnl], [1, -30, -30]);
  assert.deepEqual((await b.snapshot()).nodeFilled, { 'BTC/USDT': -2 });

  // Redis lost: every key gone; each node rebuilds its share from its own journal.
  await nodes.clients[0]!.del(...a.keys);
  await a.rebuild([{ symbol: 'BTC/USDT', amount: 4, avgPrice: 100 }]);
  await b.rebuild([{ symbol: 'BTC/USDT', amount: -2, avgPrice: 100 }]);
  const after = await b.snapshot();
  assert.deepEqual([after.symbols['BTC/USDT']!.filled, after.reservations, after.gross], [2, 0, 200]);
});
