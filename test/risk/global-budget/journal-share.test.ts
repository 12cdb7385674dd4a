import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../../actors/ledger/storage/store.js';
import type { OrderIntent } from '../../../actors/risk/intent.js';
import type { Fill, OrderStatus } from '../../../actors/ledger/types.js';
import { journalShare } from '../../../actors/risk/global-budget/journal-share.js';
import { tempDbFile } from '../../ledger/storage/temp-db.js';

const DAY = Date.UTC(2024, 0, 2);
const HOUR = 3_600_000;
/** The session started an hour before midnight; "now" is five hours into the next UTC day. */
const SINCE = DAY - HOUR;
const NOW = DAY + 5 * HOUR;

let seq = 0;
function order(store: Store, o: { intentId: string; symbol: string; side: 'buy' | 'sell'; kind?: OrderIntent['kind']; amount: number; price: number; ts: number; legs?: number }): string[] {
  const intent: OrderIntent = { intentId: o.intentId, strategy: 's', venue: 'paper', symbol: o.symbol, side: o.side, kind: o.kind ?? 'open', type: 'limit', amount: o.amount, price: o.price };
  const ids = Array.from({ length: o.legs ?? 1 }, (_, k) => `${o.intentId}.${k}`);
  const [first, ...rest] = ids.map((clientOrderId) => ({ clientOrderId, intentId: o.intentId, strategy: 's', venue: 'paper', symbol: o.symbol, side: o.side, status: 'submitted' as const, filled: 0, amount: o.amount, ts: o.ts }));
  store.orders.recordSubmission(intent, first!, ...rest);
  return ids;
}
function fill(store: Store, clientOrderId: string, intentId: string, symbol: string, side: 'buy' | 'sell', amount: number, price: number, ts: number, fee = 0): string {
  const f: Fill = { fillId: `f${++seq}`, clientOrderId, intentId, strategy: 's', venue: 'paper', symbol, side, price, amount, fee, liquidity: 'taker', ts };
  assert.equal(store.orders.recordFill(f), 'recorded');
  return f.fillId;
}
function settle(store: Store, clientOrderId: string, status: OrderStatus, filled: number, amount: number, ts: number): void {
  const o = store.orders.order(clientOrderId)!;
  assert.ok(store.orders.updateOrder({ ...o, status, filled, amount, ts }));
}

test("a node's share from its journal: the session's fills netted per symbol at average cost, the UTC day's realised P&L, its orders still working", () => {
  const store = openStore(tempDbFile());
  try {
    // An earlier session on the same journal: neither its fill nor its order left open count.
    const [old] = order(store, { intentId: 'old', symbol: 'BTC/USDT', side: 'buy', amount: 5, price: 90, ts: SINCE - 10 * HOUR });
    fill(store, old!, 'old', 'BTC/USDT', 'buy', 2, 90, SINCE - 10 * HOUR);

    // BTC: buy 1 @ 100 yesterday (session time), buy 1 @ 110 today → 2 @ 105; sell 0.5 @ 120 today realises 0.5 × 15 = 7.5.
    const [b1] = order(store, { intentId: 'b1', symbol: 'BTC/USDT', side: 'buy', amount: 1, price: 100, ts: DAY - HOUR / 2 });
    const counted = [fill(store, b1!, 'b1', 'BTC/USDT', 'buy', 1, 100, DAY - HOUR / 2, 5)];
    settle(store, b1!, 'filled', 1, 1, DAY - HOUR / 2);
    const [b2] = order(store, { intentId: 'b2', symbol: 'BTC/USDT', side: 'buy', amount: 1, price: 110, ts: DAY + HOUR });
    counted.push(fill(store, b2!, 'b2', 'BTC/USDT', 'buy', 1, 110, DAY + HOUR, 0.5));
    settle(store, b2!, 'filled', 1, 1, DAY + HOUR);
    const [s1] = order(store, { intentId: 's1', symbol: 'BTC/USDT', side: 'sell', kind: 'reduce', amount: 2, price: 120, ts: DAY + 2 * HOUR });
    counted.push(fill(store, s1!, 's1', 'BTC/USDT', 'sell', 0.5, 120, DAY + 2 * HOUR, 0.25));
    settle(store, s1!, 'partially_filled', 0.5, 2, DAY + 2 * HOUR);
    // ETH: short 2 @ 50, covered @ 40 → flat, +20 realised; flat symbols are not positions.
    const [e1] = order(store, { intentId: 'e1', symbol: 'ETH/USDT', side: 'sell', amount: 2, price: 50, ts: DAY + 3 * HOUR });
    counted.push(fill(store, e1!, 'e1', 'ETH/USDT', 'sell', 2, 50, DAY + 3 * HOUR));
    settle(store, e1!, 'filled', 2, 2, DAY + 3 * HOUR);
    const [e2] = order(store, { intentId: 'e2', symbol: 'ETH/USDT', side: 'buy', amount: 2, price: 40, ts: DAY + 3 * HOUR });
    counted.push(fill(store, e2!, 'e2', 'ETH/USDT', 'buy', 2, 40, DAY + 3 * HOUR));
    settle(store, e2!, 'filled', 2, 2, DAY + 3 * HOUR);
    // Working: an open buy of two legs (0.3 + 0.3 left), one cancelled order, one SOL order in the UNKNOWN state.
    order(store, { intentId: 'w1', symbol: 'BTC/USDT', side: 'buy', amount: 0.3, price: 101, ts: DAY + 4 * HOUR, legs: 2 });
    const [c1] = order(store, { intentId: 'c1', symbol: 'BTC/USDT', side: 'buy', amount: 1, price: 99, ts: DAY + 4 * HOUR });
    settle(store, c1!, 'cancelled', 0, 1, DAY + 4 * HOUR);
    const [u1] = order(store, { intentId: 'u1', symbol: 'SOL/USDT', side: 'sell', amount: 3, price: 20, ts: DAY + 4 * HOUR });
    settle(store, u1!, 'unknown', 0, 3, DAY + 4 * HOUR);

    const share = journalShare(store.orders, { since: SINCE, now: NOW });
    assert.deepEqual(share.positions, [{ symbol: 'BTC/USDT', amount: 1.5, avgPrice: 105 }]);
    assert.deepEqual(share.marks, { 'BTC/USDT': 120, 'ETH/USDT': 40 });
    // Today: 7.5 + 20 realised, fees 0.5 + 0.25; yesterday's fee (5) is another day's.
    assert.equal(share.dayPnl, 7.5 + 20 - 0.5 - 0.25);
    assert.deepEqual(share.working, [
      { reservationId: 's1', symbol: 'BTC/USDT', side: 'sell', kind: 'reduce', amount: 1.5, price: 120 },
      { reservationId: 'u1', symbol: 'SOL/USDT', side: 'sell', kind: 'open', amount: 3, price: 20 },
      { reservationId: 'w1', symbol: 'BTC/USDT', side: 'buy', kind: 'open', amount: 0.6, price: 101 },
    ]);
    assert.deepEqual(share.fillIds, counted);
  } finally {
    store.close();
  }
});

test('a position that flips side is held at the flipping fill\'s price; an empty session is an empty share', () => {
  const store = openStore(tempDbFile());
  try {
    assert.deepEqual(journalShare(store.orders, { since: SINCE, now: NOW }), { positions: [], marks: {}, dayPnl: 0, working: [], fillIds: [] });
    const [a] = order(store, { intentId: 'a', symbol: 'BTC/USDT', side: 'buy', amount: 1, price: 100, ts: DAY });
    fill(store, a!, 'a', 'BTC/USDT', 'buy', 1, 100, DAY);
    const [b] = order(store, { intentId: 'b', symbol: 'BTC/USDT', side: 'sell', amount: 3, price: 90, ts: DAY });
    fill(store, b!, 'b', 'BTC/USDT', 'sell', 3, 90, DAY);
    settle(store, a!, 'filled', 1, 1, DAY);
    settle(store, b!, 'filled', 3, 3, DAY);
    const share = journalShare(store.orders, { since: SINCE, now: NOW });
    assert.deepEqual(share.positions, [{ symbol: 'BTC/USDT', amount: -2, avgPrice: 90 }]);
    assert.equal(share.dayPnl, -10);
  } finally {
    store.close();
  }
});
