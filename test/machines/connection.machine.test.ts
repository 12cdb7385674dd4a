import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor, SimulatedClock } from 'xstate';
import { reconnectDelay, connectionMachine, type ConnectionEmitted } from '../../machines/connection.machine.js';

function start(seed = 7) {
  const clock = new SimulatedClock();
  const actor = createActor(connectionMachine, { clock, input: { venue: 'local', symbol: 'BTC/USDT', baseDelayMs: 100, maxDelayMs: 1600, syncTimeoutMs: 1000, degradedTimeoutMs: 2000, seed } });
  const out: ConnectionEmitted[] = [];
  actor.on('*', (e) => out.push(e as ConnectionEmitted));
  actor.start();
  return { actor, clock, take: () => out.splice(0).map((e) => e.type), state: () => actor.getSnapshot().value, ctx: () => actor.getSnapshot().context };
}

test('connecting → syncing → live; a gap re-snapshots; silence marks stale and resubscribes; resync brings it live', () => {
  const { actor, take, state } = start();
  actor.send({ type: 'connection.start' });
  assert.deepEqual(take(), ['feed.connect']);
  actor.send({ type: 'feed.opened' });
  assert.equal(state(), 'syncing');
  assert.deepEqual(take(), ['feed.snapshot']);
  actor.send({ type: 'feed.synced', lastUpdateId: 10 });
  assert.equal(state(), 'live');
  assert.deepEqual(take(), ['market.live']);
  actor.send({ type: 'feed.gap' });
  assert.equal(state(), 'syncing');
  assert.deepEqual(take(), ['feed.snapshot']);
  actor.send({ type: 'feed.synced', lastUpdateId: 20 });
  take();
  actor.send({ type: 'feed.silent', lastUpdateTs: 1234 });
  assert.equal(state(), 'degraded');
  const stale = take();
  assert.deepEqual(stale, ['market.stale', 'feed.resubscribe']);
  actor.send({ type: 'feed.synced', lastUpdateId: 30 });
  assert.equal(state(), 'degraded', 'a snapshot alone does not make a silent stream live');
  actor.send({ type: 'feed.silent', lastUpdateTs: 1300 });
  assert.deepEqual(take(), ['feed.resubscribe'], 'still silent: resubscribe again, no second stale mark');
  actor.send({ type: 'feed.flowing' });
  assert.equal(state(), 'live');
  assert.deepEqual(take(), ['market.live']);
});

test('a dropped socket reconnects after jittered exponential backoff; reaching live resets the attempts', () => {
  const { actor, clock, take, state, ctx } = start();
  actor.send({ type: 'connection.start' });
  actor.send({ type: 'feed.opened' });
  actor.send({ type: 'feed.synced', lastUpdateId: 1 });
  take();
  const delays: number[] = [];
  actor.send({ type: 'feed.closed', reason: 'dropped' });
  assert.deepEqual(take(), ['market.stale']);
  for (let i = 0; i < 6; i++) {
    assert.equal(state(), 'reconnecting');
    const d = ctx().delayMs;
    delays.push(d);
    clock.increment(d - 1);
    assert.equal(state(), 'reconnecting', 'not before the backoff');
    clock.increment(1);
    assert.equal(state(), 'connecting');
    assert.deepEqual(take(), ['feed.connect']);
    actor.send({ type: 'feed.closed', reason: 'refused' });
  }
  delays.forEach((d, i) => {
    const cap = Math.min(1600, 100 * 2 ** i);
    assert.ok(d >= cap / 2 && d <= cap, `attempt ${i + 1}: ${d} within [${cap / 2}, ${cap}]`);
  });
  assert.ok(new Set(delays.slice(4)).size > 1 || delays[4] !== 1600, 'jitter varies the capped delays');
  clock.increment(ctx().delayMs);
  actor.send({ type: 'feed.opened' });
  actor.send({ type: 'feed.synced', lastUpdateId: 2 });
  assert.equal(ctx().attempt, 0);
});

test('a sync that never completes, or a degraded spell that lasts, forces a reconnect', () => {
  const { actor, clock, take, state } = start();
  actor.send({ type: 'connection.start' });
  actor.send({ type: 'feed.opened' });
  take();
  clock.increment(1000);
  assert.equal(state(), 'reconnecting');
  assert.deepEqual(take(), ['feed.disconnect']);
  clock.increment(10_000);
  actor.send({ type: 'feed.opened' });
  actor.send({ type: 'feed.synced', lastUpdateId: 1 });
  actor.send({ type: 'feed.silent', lastUpdateTs: 5 });
  take();
  clock.increment(2000);
  assert.equal(state(), 'reconnecting');
  assert.deepEqual(take(), ['feed.disconnect']);
  actor.send({ type: 'connection.stop' });
  assert.equal(actor.getSnapshot().status, 'done');
});

test('backoff is capped and always within [cap/2, cap]', () => {
  for (let a = 1; a < 20; a++) for (const r of [0, 0.5, 0.999]) {
    const cap = Math.min(30_000, 500 * 2 ** (a - 1));
    const d = reconnectDelay(a, 500, 30_000, r);
    assert.ok(d >= cap / 2 && d <= cap);
  }
});
