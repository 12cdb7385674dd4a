import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActorSystem } from '../../actors/runtime/system.js';
import { SimulatedClock } from '../../actors/runtime/clock.js';
import { MemoryDeadLetters } from '../../actors/runtime/dead-letters.js';
import type { Message } from '../../actors/runtime/messages.js';
import { backoffDelay } from '../../actors/runtime/backoff.js';
import { counterMachine, totalOf } from '../support/counter-machine.js';

const fastBackoff = { minMs: 2, maxMs: 40, jitter: 0.5 };
// The same supervision path under both schedulers: nact (live) and the synchronous replay dispatcher.
type Dispatcher = 'nact' | 'replay';
const DISPATCHERS: readonly Dispatcher[] = ['nact', 'replay'];

function makeSystem(dispatcher: Dispatcher, extra: { now?: () => number; rootMaxRestarts?: number } = {}) {
  const deadLetters = new MemoryDeadLetters();
  const restarts: Array<{ actor: string; attempt: number; delayMs: number }> = [];
  const escalations: string[] = [];
  const seen: Message[] = [];
  const system = new ActorSystem({
    clock: new SimulatedClock(0),
    dispatcher,
    deadLetters,
    random: () => 0.5,
    monotonicNow: extra.now,
    rootPolicy: extra.rootMaxRestarts === undefined ? undefined : { maxRestarts: extra.rootMaxRestarts },
    onRestart: (actor, _e, attempt, delayMs) => restarts.push({ actor, attempt, delayMs }),
    onRootEscalation: (from) => escalations.push(from),
  });
  system.observe((m) => seen.push(m));
  return { system, deadLetters, restarts, escalations, seen };
}

test('backoff stays within [min, max] and jitter spreads it', () => {
  const lows = backoffDelay(3, fastBackoff, () => 0);
  const highs = backoffDelay(3, fastBackoff, () => 0.999);
  assert.ok(lows < highs);
  for (let a = 0; a < 20; a++) assert.ok(backoffDelay(a, fastBackoff, Math.random) <= fastBackoff.maxMs);
});

for (const dispatcher of DISPATCHERS) {
  test(`a crash dead-letters the crashing message with its error and resumes from the last good snapshot (${dispatcher})`, async () => {
    const { system, deadLetters } = makeSystem(dispatcher);
    const effects: string[] = [];
    const sup = system.supervisor('strategies', { backoff: fastBackoff });
    const cell = system.spawn(
      { name: 'a', machine: counterMachine, subscribe: ['test.count', 'test.boom'], effects: { 'test.effect': (e) => void effects.push(String(e.label)) } },
      sup,
    );
    system.publish({ type: 'test.count', n: 5 });
    system.publish({ type: 'test.boom', why: 'first' });
    system.publish({ type: 'test.count', n: 1 });
    await system.whenQuiescent();
    assert.equal(totalOf(cell.snapshot()), 6, 'state before the crash survived and later messages were processed');
    assert.equal(cell.restarts, 1);
    assert.equal(deadLetters.letters.length, 1);
    assert.equal(deadLetters.letters[0]!.reason, 'crashed');
    assert.equal(deadLetters.letters[0]!.message.type, 'test.boom');
    assert.match(deadLetters.letters[0]!.error!, /boom: first/);
    assert.deepEqual(effects, ['after 5', 'after 6'], 'restoring the snapshot re-ran no side effect');
    await system.shutdown();
  });

  test(`restarts back off exponentially with jitter, and messages sent meanwhile wait in order (${dispatcher})`, async () => {
    const { system, restarts } = makeSystem(dispatcher);
    const sup = system.supervisor('s', { backoff: fastBackoff, maxRestarts: 10 });
    const cell = system.spawn({ name: 'a', machine: counterMachine, subscribe: ['test.count', 'test.boom'] }, sup);
    for (let i = 0; i < 3; i++) {
      system.publish({ type: 'test.boom', why: String(i) });
      system.publish({ type: 'test.count', n: 1 });
    }
    await system.whenQuiescent();
    assert.deepEqual(restarts.map((r) => r.attempt), [1, 2, 3]);
    assert.deepEqual(restarts.map((r) => r.delayMs), [0, 1, 2].map((a) => backoffDelay(a, fastBackoff, () => 0.5)));
    assert.ok(restarts[2]!.delayMs > restarts[0]!.delayMs, 'delay grows');
    assert.equal(totalOf(cell.snapshot()), 3);
  });

  test(`more than N restarts in T escalates; past the root the subtree stops and the root hook fires (${dispatcher})`, async () => {
    let now = 0;
    const { system, escalations, deadLetters, seen } = makeSystem(dispatcher, { now: () => now, rootMaxRestarts: 0 });
    const sup = system.supervisor('strategies', { backoff: fastBackoff, maxRestarts: 2, withinMs: 1_000 });
    const cell = system.spawn({ name: 'a', machine: counterMachine, subscribe: ['test.count', 'test.boom'] }, sup);
    for (let i = 0; i < 3; i++) {
      system.publish({ type: 'test.boom', why: String(i) });
      await system.whenQuiescent();
      now += 10;
    }
    assert.deepEqual(escalations, ['strategies']);
    assert.equal(cell.status, 'stopped');
    assert.ok(seen.some((m) => m.type === 'actor.stopped' && m.actor === 'a'), 'the parent learns of the death');
    system.publish({ type: 'test.count', n: 1 });
    await system.whenQuiescent();
    assert.equal(deadLetters.letters.at(-1)!.reason, 'stopped');
  });

  test(`restarts spread out in time do not escalate (${dispatcher})`, async () => {
    let now = 0;
    const { system, escalations } = makeSystem(dispatcher, { now: () => now });
    const sup = system.supervisor('s', { backoff: fastBackoff, maxRestarts: 2, withinMs: 1_000 });
    const cell = system.spawn({ name: 'a', machine: counterMachine, subscribe: ['test.boom'] }, sup);
    for (let i = 0; i < 6; i++) {
      system.publish({ type: 'test.boom', why: String(i) });
      await system.whenQuiescent();
      now += 600;
    }
    assert.deepEqual(escalations, []);
    assert.notEqual(cell.status, 'stopped');
    assert.equal(cell.restarts, 6);
  });

  for (const [strategy, expected] of [
    ['one_for_one', { a: 0, b: 1, c: 0 }],
    ['one_for_all', { a: 1, b: 1, c: 1 }],
    ['rest_for_one', { a: 0, b: 1, c: 1 }],
  ] as const) {
    test(`${strategy} restarts ${JSON.stringify(expected)} when b crashes (${dispatcher})`, async () => {
      const { system } = makeSystem(dispatcher);
      const sup = system.supervisor('s', { strategy, backoff: fastBackoff });
      const cells = ['a', 'b', 'c'].map((name) => system.spawn({ name, machine: counterMachine, subscribe: ['test.count'] }, sup));
      system.publish({ type: 'test.count', n: 2 });
      system.publish({ type: 'test.boom', why: 'b', to: 'b' });
      system.publish({ type: 'test.count', n: 3 });
      await system.whenQuiescent();
      assert.deepEqual(Object.fromEntries(cells.map((c) => [c.name, c.restarts])), expected);
      for (const c of cells) assert.equal(totalOf(c.snapshot()), 5, `${c.name} resumed from its snapshot`);
    });
  }

  test(`during a backoff the stash is bounded: overflow is dead-lettered, not dropped (${dispatcher})`, async () => {
    const deadLetters = new MemoryDeadLetters();
    const system = new ActorSystem({ clock: new SimulatedClock(0), dispatcher, deadLetters, stashLimit: 3, random: () => 0.5 });
    const sup = system.supervisor('s', { backoff: { minMs: 30, maxMs: 30, jitter: 0 } });
    const cell = system.spawn({ name: 'a', machine: counterMachine, subscribe: ['test.count', 'test.boom'] }, sup);
    system.publish({ type: 'test.boom', why: 'x' });
    await system.whenQuiescent();
    assert.equal(cell.status, 'restarting', 'the crash was handled and the 30 ms backoff has begun');
    for (let i = 0; i < 10; i++) system.publish({ type: 'test.count', n: 1 });
    await system.whenQuiescent();
    const overflow = deadLetters.letters.filter((l) => l.reason === 'stash-full').length;
    assert.equal(totalOf(cell.snapshot()) + overflow, 10);
    assert.ok(overflow >= 6, `overflow ${overflow}`);
  });
}
