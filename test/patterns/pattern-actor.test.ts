import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActorSystem } from '../../actors/runtime/system.js';
import { SimulatedClock } from '../../actors/runtime/clock.js';
import type { Message } from '../../actors/runtime/messages.js';
import { patternActor } from '../../actors/patterns/pattern-actor.js';

const MIN = 60_000;
const GARTLEY = [100, 200, 138.2, 169.1, 121.4, 125];

test('killed mid-pattern, the pattern actor restarts with fresh detectors: what it saw before is gone, a pattern after is announced', async () => {
  const clock = new SimulatedClock(0);
  const system = new ActorSystem({ clock, dispatcher: 'replay' });
  system.spawn(patternActor({ symbol: 'BTC/USDT', venue: 'paper' }));
  const seen: Message[] = [];
  system.observe((m) => {
    if (m.type === 'pattern.detected' || m.type === 'actor.restarted') seen.push(m);
  });
  let i = 0;
  const bar = async (price: number) => {
    clock.set((i + 1) * MIN);
    system.publish({ type: 'candle.closed', venue: 'paper', symbol: 'BTC/USDT', candle: { ts: i++ * MIN, open: price, high: price, low: price, close: price, volume: 1 } });
    await system.whenQuiescent();
  };
  for (const p of GARTLEY.slice(0, 4)) await bar(p);
  system.publish({ type: 'chaos.kill', reason: 'test', to: 'patterns:BTC/USDT' });
  await system.whenQuiescent();
  clock.advance(10_000);
  await system.whenQuiescent();
  // The last two points alone complete nothing: the swings before the kill are forgotten.
  for (const p of GARTLEY.slice(4)) await bar(p);
  assert.ok(seen.some((m) => m.type === 'actor.restarted' && m.actor === 'patterns:BTC/USDT'), 'restarted');
  assert.deepEqual(seen.filter((m) => m.type === 'pattern.detected'), []);
  // A whole Gartley after the restart is announced: the same legs 1,000 higher (1300 first, so that X at 1100 is a swing
  // low; D confirmed by a close 1 % above it).
  for (const p of [1300, 1100, 1200, 1138.2, 1169.1, 1121.4, 1135]) await bar(p);
  assert.ok(seen.some((m) => m.type === 'pattern.detected' && m.name === 'gartley'), seen.map((m) => m.type).join(' '));
  await system.shutdown();
});
