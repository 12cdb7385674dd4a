import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { ActorSystem } from '../../../actors/runtime/system.js';
import { SystemClock } from '../../../actors/runtime/clock.js';
import type { Message } from '../../../actors/runtime/messages.js';
import { marketConnectionActor } from '../../../actors/market-data/order-book/market-connection-actor.js';
import { startExchange, venueFor } from '../../venues/ccxt/fixture.js';
import { until } from '../../support/until.js';

test('the connection machine hosted as an actor of the system: books flow as book.updated; a dropped socket goes stale, reconnects, goes live', async (t) => {
  const ex = await startExchange();
  const venue = venueFor(ex);
  const system = new ActorSystem({ clock: new SystemClock(), logger: pino({ level: 'silent' }) });
  const spec = marketConnectionActor({
    venue: 'local', symbol: 'BTC/USDT', streamId: 'btcusdt', wsUrl: `ws://127.0.0.1:${ex.port}/ws`, silenceMs: 2000,
    fetchSnapshot: () => venue.fetchDepthSnapshot('BTC/USDT', 100),
    machine: { baseDelayMs: 20, maxDelayMs: 100 },
  });
  const seen: Message[] = [];
  system.observe((m) => seen.push(m));
  system.spawn(spec);
  t.after(async () => {
    spec.close();
    await system.shutdown();
    await venue.close();
    await ex.close();
  });
  const count = (type: string) => seen.filter((m) => m.type === type).length;
  await until('live', () => count('market.live') === 1 && count('book.updated') >= 1);
  ex.state.seed('BTCUSDT', [[10_891, 2]], [[10_899, 2]]);
  await until('diff applied', () => {
    const last = seen.filter((m) => m.type === 'book.updated').at(-1);
    return last?.type === 'book.updated' && last.book.bids[0]?.[0] === 10_891;
  });
  ex.streams.dropAll();
  await until('stale then live again', () => count('market.stale') === 1 && count('market.live') === 2);
  assert.ok(seen.some((m) => m.type === 'feed.closed'));
});
