import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { DiffBook, type DepthDiffEvent, type DepthSnapshot } from '../../../actors/market-data/order-book/diff-book.js';
import { readRecordedLines } from '../../../actors/market-data/replay/recorded-depth.js';

const snapshot = JSON.parse(readFileSync('data/books/binance_nknusdt_depth_snapshot.json', 'utf8')) as DepthSnapshot;
const diffs = JSON.parse(readFileSync('data/books/binance_nknusdt_depth_updates.json', 'utf8')) as DepthDiffEvent[];

/** Independent reference: apply every diff with u > lastUpdateId to the snapshot, no sequence logic. */
function reference(s: DepthSnapshot, evs: DepthDiffEvent[]) {
  const bids = new Map(s.bids.map(([p, q]) => [Number(p), Number(q)]));
  const asks = new Map(s.asks.map(([p, q]) => [Number(p), Number(q)]));
  for (const e of evs) {
    if (e.u <= s.lastUpdateId) continue;
    for (const [p, q] of e.b) Number(q) === 0 ? bids.delete(Number(p)) : bids.set(Number(p), Number(q));
    for (const [p, q] of e.a) Number(q) === 0 ? asks.delete(Number(p)) : asks.set(Number(p), Number(q));
  }
  return { bids: [...bids].filter(([, q]) => q > 0).sort((a, b) => b[0] - a[0]), asks: [...asks].filter(([, q]) => q > 0).sort((a, b) => a[0] - b[0]) };
}

test('real Binance NKNUSDT: REST snapshot + 150 recorded diffs sync and match a plain replay', () => {
  const book = new DiffBook('binance', 'NKN/USDT');
  for (const d of diffs.slice(0, 5)) assert.equal(book.onDiff(d), 'buffered');
  assert.equal(book.onSnapshot(snapshot), 'synced');
  for (const d of diffs.slice(5)) assert.equal(book.onDiff(d), 'applied');
  const got = book.book(5000);
  const want = reference(snapshot, diffs);
  assert.deepEqual(got.bids, want.bids);
  assert.deepEqual(got.asks, want.asks);
  assert.equal(book.lastUpdateId, diffs.at(-1)!.u);
  assert.equal(book.gaps, 0);
});

test('a missing diff is a gap: the book stops applying and asks for a new snapshot', () => {
  const book = new DiffBook('binance', 'NKN/USDT');
  book.onSnapshot(snapshot);
  for (const d of diffs.slice(1, 20)) book.onDiff(d);
  assert.equal(book.onDiff(diffs[21]!), 'gap', 'diff 20 was lost');
  assert.equal(book.isSynced, false);
  assert.equal(book.onDiff(diffs[22]!), 'buffered');
  assert.equal(book.onDiff(diffs[23]!), 'buffered');
  // a snapshot taken before the buffered events cannot bridge them
  assert.equal(book.onSnapshot({ ...snapshot }), 'gap');
});

test('a snapshot older than the buffered diffs is refused (gap); a newer one syncs', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 40 }), (start, lost) => {
      const book = new DiffBook('x', 'A/B');
      let id = start;
      const ev = (): DepthDiffEvent => ({ U: id + 1, u: (id += 2), b: [[1, id]], a: [[2, id]] });
      const evs = Array.from({ length: 10 }, ev);
      for (const e of evs) book.onDiff(e);
      const old = { lastUpdateId: evs[0]!.U - 1 - lost, bids: [], asks: [] };
      assert.equal(book.onSnapshot(old), 'gap');
      const fresh = { lastUpdateId: evs[4]!.u, bids: [[1, 999]] as [number, number][], asks: [] };
      assert.equal(book.onSnapshot(fresh), 'synced');
      assert.deepEqual(book.book().bids, [[1, evs[9]!.u]]);
      assert.equal(book.onDiff(ev()), 'applied');
    }),
  );
});

test('futures-style pu chaining is honoured', () => {
  const book = new DiffBook('x', 'A/B');
  book.onSnapshot({ lastUpdateId: 100, bids: [[1, 1]], asks: [] });
  assert.equal(book.onDiff({ U: 95, u: 110, pu: 100, b: [[1, 2]], a: [] }), 'applied');
  assert.equal(book.onDiff({ U: 111, u: 120, pu: 109, b: [], a: [] }), 'gap');
});

test('real USD-M BTCUSDT: a snapshot newer than every buffered diff syncs, and the next diff must straddle it', () => {
  const rec = readRecordedLines('data/books/binance_usdm_btcusdt_depth_2024-08-08T2354Z_3min.txt.gz');
  const book = new DiffBook('binance', 'BTC/USDT');
  assert.equal(book.onSnapshot(rec.snapshot), 'synced');
  assert.deepEqual(rec.diffs.slice(0, 4).map((d) => book.onDiff(d)), ['stale', 'stale', 'stale', 'stale']);
  for (const d of rec.diffs.slice(4)) assert.equal(book.onDiff(d), 'applied');
  assert.equal(book.gaps, 0);
  const got = book.book(10_000);
  const want = reference(rec.snapshot, rec.diffs);
  assert.deepEqual(got.bids, want.bids);
  assert.deepEqual(got.asks, want.asks);
  assert.ok(got.bids.length > 3000 && got.asks.length > 3000, 'diffs reach far from the top: the book grows from 1,000 to thousands of levels a side');

  const late = new DiffBook('binance', 'BTC/USDT');
  late.onSnapshot(rec.snapshot);
  assert.equal(late.onDiff(rec.diffs[5]!), 'gap', 'the straddling diff was lost');
});
