import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assign, emit, setup } from 'xstate';
import { ActorSystem } from '../../actors/runtime/system.js';
import { SimulatedClock } from '../../actors/runtime/clock.js';
import { MemoryDeadLetters } from '../../actors/runtime/dead-letters.js';
import type { Message } from '../../actors/runtime/messages.js';
import { counterMachine, totalOf } from '../support/counter-machine.js';

/** Counts down: each `test.count` with n > 0 adds one and sends `test.count` n − 1 on, so one publish is n + 1 turns. */
const countdown = setup({ types: { context: {} as { total: number }, events: {} as Message } }).createMachine({
  context: { total: 0 },
  on: {
    'test.count': [
      {
        guard: ({ event }) => event.n > 0,
        actions: [assign({ total: ({ context }) => context.total + 1 }), emit(({ event }) => ({ type: 'test.count' as const, n: event.n - 1 }))],
      },
    ],
  },
});

const replay = (extra: { replayYieldEvery?: number } = {}) => {
  const deadLetters = new MemoryDeadLetters();
  return { system: new ActorSystem({ clock: new SimulatedClock(0), dispatcher: 'replay', deadLetters, ...extra }), deadLetters };
};

test('replay: a publish returns with the system idle; under nact the same publish has not run yet', async () => {
  const { system } = replay();
  const cell = system.spawn({ name: 'c', machine: countdown, subscribe: ['test.count'] });
  system.publish({ type: 'test.count', n: 50 });
  assert.equal(totalOf(cell.snapshot()), 50, 'the whole chain of 51 deliveries ran inside publish');
  assert.equal(system.inFlight.value, 0);
  assert.equal(system.delivered, 51);

  const live = new ActorSystem({ clock: new SimulatedClock(0) });
  const liveCell = live.spawn({ name: 'c', machine: countdown, subscribe: ['test.count'] });
  live.publish({ type: 'test.count', n: 50 });
  assert.equal(totalOf(liveCell.snapshot()), 0, 'nact delivers on a later turn of the event loop');
  await live.whenQuiescent();
  assert.equal(totalOf(liveCell.snapshot()), 50);
  await Promise.all([system.shutdown(), live.shutdown()]);
});

test('replay: after yieldEvery messages it yields to the event loop, and quiescence still waits for the rest', async () => {
  const { system } = replay({ replayYieldEvery: 10 });
  const cell = system.spawn({ name: 'c', machine: countdown, subscribe: ['test.count'] });
  system.publish({ type: 'test.count', n: 100 });
  const atPublish = totalOf(cell.snapshot());
  assert.ok(atPublish >= 10 && atPublish < 100, `publish handed back after ~10 messages (ran ${atPublish})`);
  const seenByTimer = await new Promise<number>((resolve) => setImmediate(() => resolve(totalOf(cell.snapshot()))));
  assert.ok(seenByTimer < 100, `other event-loop work ran while the replay was still going (at ${seenByTimer})`);
  await system.whenQuiescent();
  assert.equal(totalOf(cell.snapshot()), 100);
  await system.shutdown();
});

test('replay: a crash inside publish does not throw to the caller; it dead-letters, restarts, and the next message runs', async () => {
  const { system, deadLetters } = replay();
  const sup = system.supervisor('s', { backoff: { minMs: 0, maxMs: 0, jitter: 0 } });
  const cell = system.spawn({ name: 'a', machine: counterMachine, subscribe: ['test.count', 'test.boom'] }, sup);
  system.publish({ type: 'test.count', n: 2 });
  assert.doesNotThrow(() => system.publish({ type: 'test.boom', why: 'in replay' }));
  assert.equal(cell.restarts, 1, 'the supervisor restarted it synchronously');
  assert.deepEqual(deadLetters.letters.map((l) => [l.message.type, l.reason]), [['test.boom', 'crashed']]);
  system.publish({ type: 'test.count', n: 3 });
  assert.equal(totalOf(cell.snapshot()), 5, 'resumed from the snapshot before the crash');
  assert.equal(system.inFlight.value, 0);
  await system.shutdown();
});

test('replay: the order of deliveries is the same on every run', async () => {
  const order = async () => {
    const { system } = replay();
    const seen: string[] = [];
    system.observe((m) => seen.push(`${m.type}:${(m as { n?: number }).n ?? ''}`));
    for (const name of ['a', 'b', 'c']) system.spawn({ name, machine: countdown, subscribe: ['test.count'] });
    system.publish({ type: 'test.count', n: 3 });
    system.publish({ type: 'test.count', n: 2 });
    await system.whenQuiescent();
    await system.shutdown();
    return seen;
  };
  const first = await order();
  assert.ok(first.length > 20, `${first.length} messages`);
  assert.deepEqual(await order(), first);
});
