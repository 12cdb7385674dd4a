import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { startLocalInspector } from '../../actors/runtime/inspector.js';
import { ActorSystem } from '../../actors/runtime/system.js';
import { SimulatedClock } from '../../actors/runtime/clock.js';
import { counterMachine } from '../support/counter-machine.js';

test('inspection events of every actor reach a client of the loopback-only inspector socket', async () => {
  const inspector = await startLocalInspector(0);
  assert.match(inspector.socketUrl, /^ws:\/\/127\.0\.0\.1:\d+$/);
  const received: Array<{ type: string; sessionId?: string }> = [];
  const client = new WebSocket(inspector.socketUrl);
  await new Promise((resolve) => client.once('open', resolve));
  client.on('message', (data) => received.push(JSON.parse(data.toString())));

  const system = new ActorSystem({ clock: new SimulatedClock(0), inspect: inspector.inspect });
  system.spawn({ name: 'inspected', machine: counterMachine, subscribe: ['test.count'] });
  system.publish({ type: 'test.count', n: 3 });
  await system.whenQuiescent();

  for (let i = 0; i < 100 && !received.some((e) => e.type === '@xstate.snapshot'); i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(received.some((e) => e.type === '@xstate.actor'), 'actor registration streamed');
  assert.ok(received.some((e) => e.type === '@xstate.snapshot'), 'snapshots streamed');
  const page = await fetch(inspector.pageUrl).then((r) => r.text());
  assert.match(page, /ws:\/\/127\.0\.0\.1:/);
  client.close();
  await system.shutdown();
  await inspector.stop();
});
