import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActorSystem } from '../../actors/runtime/system.js';
import { SimulatedClock } from '../../actors/runtime/clock.js';
import { MemoryDeadLetters } from '../../actors/runtime/dead-letters.js';
import type { Message } from '../../actors/runtime/messages.js';
import { counterMachine, totalOf } from '../support/counter-machine.js';

function makeSystem() {
  const deadLetters = new MemoryDeadLetters();
  const system = new ActorSystem({ clock: new SimulatedClock(1_000), deadLetters, random: () => 0.5 });
  return { system, deadLetters };
}

test('a message reaches every subscriber of its type plus the actor it names; quiescence waits for all', async () => {
  const { system } = makeSystem();
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

test('emitted messages are stamped with id, clock time and the causing correlation id', async () => {
  const { system } = makeSystem();
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

test('a message to an unknown or stopped actor goes to the dead letters', async () => {
  const { system, deadLetters } = makeSystem();
  const a = system.spawn({ name: 'a', machine: counterMachine });
  system.publish({ type: 'test.count', n: 1, to: 'nobody' });
  a.stop('test');
  system.publish({ type: 'test.count', n: 1, to: 'a' });
  await system.whenQuiescent();
  assert.deepEqual(deadLetters.letters.map((l) => [l.actor, l.reason]), [['nobody', 'unknown-actor'], ['a', 'stopped']]);
  assert.equal(system.deadLettered, 2);
  await system.shutdown();
});

test('effects run in the host and their replies come back as messages; quiescence includes them', async () => {
  const { system } = makeSystem();
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
