import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActorSystem } from '../../actors/runtime/system.js';
import { SimulatedClock } from '../../actors/runtime/clock.js';
import type { Message } from '../../actors/runtime/messages.js';
import { counterMachine, totalOf } from '../support/counter-machine.js';

for (const dispatcher of ['nact', 'replay'] as const) {
  test(`observeHandled tells every observer of each message an actor handled, after its machine took it, never of one it crashed on (${dispatcher})`, async () => {
    const system = new ActorSystem({ clock: new SimulatedClock(0), dispatcher, random: () => 0.5 });
    const a = system.spawn({ name: 'a', machine: counterMachine, subscribe: ['test.count'] });
    system.spawn({ name: 'b', machine: counterMachine, subscribe: ['test.count'] });
    assert.equal(system.handled, undefined, 'nothing to call until someone observes');
    const first: string[] = [];
    const second: string[] = [];
    system.observeHandled((actor, message: Message) => {
      // The machine has the message by now: a's total already counts it.
      if (actor === 'a' && message.type === 'test.count') first.push(`${actor} ${message.type} ${totalOf(a.snapshot())}`);
      else first.push(`${actor} ${message.type}`);
    });
    system.observeHandled((actor, message) => second.push(`${actor} ${message.type}`));
    system.publish({ type: 'test.count', n: 2 });
    system.publish({ type: 'test.count', n: 3 });
    system.publish({ type: 'test.boom', why: 'x', to: 'b' });
    await system.whenQuiescent();
    assert.deepEqual(first.filter((l) => l.startsWith('a ')), ['a test.count 2', 'a test.count 5']);
    assert.deepEqual(first.filter((l) => l.startsWith('b ')), ['b test.count', 'b test.count'], 'the crash is not a handling');
    assert.deepEqual([...second].sort(), ['a test.count', 'a test.count', 'b test.count', 'b test.count']);
    await system.shutdown();
  });
}
