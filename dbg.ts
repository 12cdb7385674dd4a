import { ActorSystem } from './actors/runtime/system.js';
import { SimulatedClock } from './actors/runtime/clock.js';
import { MemoryDeadLetters } from './actors/runtime/dead-letters.js';
import { counterMachine, totalOf } from './test/support/counter-machine.js';
{
  const system = new ActorSystem({ clock: new SimulatedClock(0), dispatcher: 'nact', random: () => 0.5 });
  const sup = system.supervisor('strategies', { backoff: { minMs: 2, maxMs: 40, jitter: 0.5 } });
  system.spawn({ name: 'a', machine: counterMachine, subscribe: ['test.count', 'test.boom'] }, sup);
  system.publish({ type: 'test.count', n: 5 });
  system.publish({ type: 'test.boom', why: 'first' });
  system.publish({ type: 'test.count', n: 1 });
  await system.whenQuiescent();
  await system.shutdown();
}
const deadLetters = new MemoryDeadLetters();
const system = new ActorSystem({ clock: new SimulatedClock(0), dispatcher: 'nact', deadLetters, stashLimit: 3, random: () => 0.5 });
const sup = system.supervisor('s', { backoff: { minMs: 30, maxMs: 30, jitter: 0 } });
const cell = system.spawn({ name: 'a', machine: counterMachine, subscribe: ['test.count', 'test.boom'] }, sup);
system.publish({ type: 'test.boom', why: 'x' });
const t0 = performance.now();
await new Promise((r) => setTimeout(r, 5));
console.log('status after', performance.now() - t0, cell.status, cell.restarts);
for (let i = 0; i < 10; i++) system.publish({ type: 'test.count', n: 1 });
await system.whenQuiescent();
console.log(totalOf(cell.snapshot()), deadLetters.letters.map(l=>l.reason));
process.exit(0);
