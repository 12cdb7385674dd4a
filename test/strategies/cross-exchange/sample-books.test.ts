import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DiffBook, type DepthDiffEvent, type DepthSnapshot } from '../../../actors/market-data/order-book/diff-book.js';
import { parseVenueBooks } from '../../../actors/strategies/cross-exchange/parse-books.js';

const SAMPLE = 'data/books/binance_nknusdt_30s_apart.books.json';
const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

test('the scan cross sample is the recorded NKNUSDT snapshot and that snapshot after its 150 recorded diffs, top 50 levels', () => {
  const snapshot = read('data/books/binance_nknusdt_depth_snapshot.json') as DepthSnapshot;
  const diffs = read('data/books/binance_nknusdt_depth_updates.json') as DepthDiffEvent[];
  const before = new DiffBook('binance', 'NKN/USDT');
  assert.equal(before.onSnapshot(snapshot), 'synced');
  const after = new DiffBook('binance', 'NKN/USDT');
  after.onSnapshot(snapshot);
  for (const d of diffs) assert.notEqual(after.onDiff(d), 'gap');
  assert.equal(after.lastEventTs, diffs.at(-1)!.E);

  const top = (b: DiffBook) => ({ bids: b.book(50).bids, asks: b.book(50).asks });
  const sample = read(SAMPLE) as Record<string, unknown>;
  assert.deepEqual(Object.keys(sample), ['binance@00:28:32.320Z', `binance@${new Date(after.lastEventTs).toISOString().slice(11)}`]);
  assert.deepEqual(Object.values(sample), [top(before), top(after)]);
  assert.deepEqual(parseVenueBooks(sample, SAMPLE).map((b) => [b.bids.length, b.asks.length]), [[50, 50], [50, 50]]);
});
