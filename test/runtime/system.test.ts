import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActorSystem } from '../../actors/runtime/system.js';
import { SimulatedClock } from '../../actors/runtime/clock.js';
import { MemoryDeadLetters } from '../../actors/runtime/dead-letters.js';
import type { Message } from '../../actors/runtime/messages.js';
import { counterMachine, totalOf } from '../support/counter-machine.js';

// Every runtime rule holds under both schedulers: nact (live) and the synchronous replay dispatcher.
function makeSystem(dispatcher: 'nact' | 'replay') {
  const deadLetters = new MemoryDeadLetters();
  const system = new ActorSystem({ clock: new SimulatedClock(1_000), dispatcher, deadLetters, random: () => 0.5 });
  return { system, deadLetters };
}

for (const dispatcher of ['nact', 'replay'] as const) {
  test(`a message reaches every subscriber of its type plus the actor it names; quiescence waits for all (${dispatcher})`, async () => {
    const { system } = makeSystem(dispatcher);
    const a = system.spawn({ name: 'a', machine: counterMachine, subscribe: ['test.count'] });
    const b = system.spawn({ name: 'b', machine: counterMachine });
    for (let i = 1; i <= 100; i++) system.publish({ type: 'test.count', n: i });
    system.publish({ type: 'test.count', n: 7, to: 'b' });
    await system.whenQuiescent();
    assert.equal(totalOf(a.snapshot()), 5050 + 7, 'a subscribes to test.count, so it also sees the one addressed to b');
    assert.equal(totalOf(b.snapshot()), 7);
    assert.equal(system.inFlight.value, 0);
    await system.shutdown();
  });

  test(`emitted messages are stamped with id, clock time and the causing correlation id (${dispatcher})`, async () => {
    const { system } = makeSystem(dispatcher);
    const seen: Message[] = [];
    system.observe((m) => seen.push(m));
    system.spawn({ name: 'a', machine: counterMachine, subscribe: ['test.count'] });
    const sent = system.publish({ type: 'test.count', n: 2 }, 'corr-1');
    await system.whenQuiescent();
    const counted = seen.find((m) => m.type === 'test.counted');
    assert.ok(counted);
    assert.equal(counted.correlationId, 'corr-1');
    assert.equal(counted.ts, 1_000);
    assert.notEqual(counted.id, sent.id);
    await system.shutdown();
  });

  test(`a message to an unknown or stopped actor goes to the dead letters (${dispatcher})`, async () => {
    const { system, deadLetters } = makeSystem(dispatcher);
    const a = system.spawn({ name: 'a', machine: counterMachine });
    system.publish({ type: 'test.count', n: 1, to: 'nobody' });
    a.stop('test');
    system.publish({ type: 'test.count', n: 1, to: 'a' });
    await system.whenQuiescent();
    assert.deepEqual(deadLetters.letters.map((l) => [l.actor, l.reason]), [['nobody', 'unknown-actor'], ['a', 'stopped']]);
    assert.equal(system.deadLettered, 2);
    await system.shutdown();
  });

  test(`effects run in the host and their replies come back as messages; quiescence includes them (${dispatcher})`, async () => {
    const { system } = makeSystem(dispatcher);
    const labels: string[] = [];
    system.spawn({
      name: 'a',
      machine: counterMachine,
      subscribe: ['test.count'],
      effects: {
        'test.effect': async (event, ctx) => {
          await new Promise((r) => setTimeout(r, 5));
          labels.push(String(event.label));
          if (labels.length === 1) ctx.reply({ type: 'test.count', n: 100 });
        },
      },
    });
    system.publish({ type: 'test.count', n: 1 });
    await system.whenQuiescent();
    assert.deepEqual(labels, ['after 1', 'after 101']);
    assert.equal(totalOf(system.actor('a')!.snapshot()), 101);
    await system.shutdown();
  });

  // A regression here stalls quiescence instead of failing an assertion: the timeout turns it into a failure.
  test(`messages queued behind a crashing one survive the crash and run in order after the restart (${dispatcher})`, { timeout: 10_000 }, async () => {
    const { system, deadLetters } = makeSystem(dispatcher);
    const totals: number[] = [];
    system.observe((m) => {
      if (m.type === 'test.counted') totals.push(m.total);
    });
    const a = system.spawn({ name: 'a', machine: counterMachine });
    // nact: all four are queued before the first tick, so one tick drains them together; replay: each runs as published.
    system.publish({ type: 'test.count', n: 1, to: 'a' });
    system.publish({ type: 'test.boom', why: 'mid-drain', to: 'a' });
    system.publish({ type: 'test.count', n: 2, to: 'a' });
    system.publish({ type: 'test.count', n: 3, to: 'a' });
    await system.whenQuiescent();
    assert.deepEqual(totals, [1, 3, 6], 'the restart resumed from the state after n=1, then took n=2 and n=3 in order');
    assert.equal(totalOf(a.snapshot()), 6);
    assert.equal(a.restarts, 1);
    assert.deepEqual(deadLetters.letters.map((l) => [l.message.type, l.reason]), [['test.boom', 'crashed']]);
    await system.shutdown();
  });

  test(`delivered counts each hand-over: one message to a subscriber and to the actor it names is two (${dispatcher})`, async () => {
    const { system } = makeSystem(dispatcher);
    system.spawn({ name: 'a', machine: counterMachine, subscribe: ['test.count'] });
    system.spawn({ name: 'b', machine: counterMachine });
    system.publish({ type: 'test.count', n: 1 });
    system.publish({ type: 'test.count', n: 1, to: 'b' });
    system.publish({ type: 'test.count', n: 1, to: 'nobody' });
    await system.whenQuiescent();
    assert.equal(system.delivered, 4, 'a, then a and b, then a (nobody is a dead letter, not a delivery)');
    await system.shutdown();
  });
}
