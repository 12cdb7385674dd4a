import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { ActorSystem } from '../../../actors/runtime/system.js';
import { SystemClock } from '../../../actors/runtime/clock.js';
import type { Message } from '../../../actors/runtime/messages.js';
import { marketConnectionActor } from '../../../actors/market-data/order-book/market-connection-actor.js';
import { DiffBook } from '../../../actors/market-data/order-book/diff-book.js';
import { readRecordedLines } from '../../../actors/market-data/replay/recorded-depth.js';
import { RecordedDepthStream } from '../../../actors/market-data/replay/recorded-depth-stream.js';
import { until } from '../../support/until.js';

test('the connection actor on a recorded USD-M session: syncs on the recorded snapshot, one book per diff as a plain replay has it, resyncs after a drop', async (t) => {
  const rec = readRecordedLines('data/books/binance_usdm_btcusdt_depth_2024-08-08T2354Z_3min.txt.gz');
  const stream = new RecordedDepthStream(rec);
  const system = new ActorSystem({ clock: new SystemClock(), logger: pino({ level: 'silent' }) });
  const spec = marketConnectionActor({
    venue: 'binance-usdm', symbol: 'BTC/USDT', streamId: 'btcusdt', wsUrl: 'recorded:', silenceMs: 60_000,
    fetchSnapshot: stream.fetchSnapshot, openSocket: stream.openSocket, machine: { baseDelayMs: 1, maxDelayMs: 2 },
  });
  const seen: Message[] = [];
  system.observe((m) => seen.push(m));
  system.spawn(spec);
  t.after(async () => {
    spec.close();
    await system.shutdown();
  });
  const count = (type: string) => seen.filter((m) => m.type === type).length;
  await until('live', () => count('market.live') === 1);
  assert.equal(stream.remaining, rec.frames.length - rec.beforeSnapshot, 'the frames before the snapshot came on open');
  while (stream.next()) await system.whenQuiescent();

  const books = seen.flatMap((m) => (m.type === 'book.updated' ? [m.book] : []));
  assert.equal(books.length, 1 + rec.frames.length - rec.beforeSnapshot, 'the synced book, then one per diff');
  const plain = new DiffBook('binance-usdm', 'BTC/USDT');
  plain.onSnapshot(rec.snapshot);
  for (const d of rec.diffs) plain.onDiff(d);
  const want = plain.book(100);
  assert.deepEqual([books.at(-1)!.bids, books.at(-1)!.asks], [want.bids, want.asks]);
  assert.equal(books.at(-1)!.bids.length, 100);
  assert.equal(count('feed.gap'), 0);

  stream.drop();
  await until('stale, reconnected, live again', () => count('market.stale') === 1 && count('market.live') === 2);
  assert.equal(stream.connects, 2);
  assert.equal(stream.remaining, rec.frames.length - rec.beforeSnapshot, 'a new connection replays from the start');
  assert.ok(stream.next());
  await system.whenQuiescent();
  const again = new DiffBook('binance-usdm', 'BTC/USDT');
  again.onSnapshot(rec.snapshot);
  for (const d of rec.diffs.slice(0, rec.beforeSnapshot + 1)) again.onDiff(d);
  const last = seen.flatMap((m) => (m.type === 'book.updated' ? [m.book] : [])).at(-1)!;
  assert.deepEqual([last.bids, last.asks], [again.book(100).bids, again.book(100).asks]);
});
