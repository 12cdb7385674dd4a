import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { ActorSystem } from '../../../actors/runtime/system.js';
import { SimulatedClock } from '../../../actors/runtime/clock.js';
import { InputError } from '../../../actors/runtime/errors.js';
import { startOperator } from '../../../supervisors/operator/operator.js';
import type { WatchedFamily } from '../../../supervisors/operator/session-probe.js';
import { sessionCounters } from '../../../supervisors/session-counters.js';
import { answers, httpGet } from '../../support/http-get.js';
import { listening } from '../../support/ports.js';

function family(name: string): WatchedFamily {
  const system = new ActorSystem({ clock: new SimulatedClock(0) });
  return { family: name, system, capital: 100, equity: () => 100, counts: sessionCounters(system).read };
}

async function ready(url: string): Promise<{ status: number; body: { ready: boolean; phase: string; missing: string[] } }> {
  const res = await httpGet(`${url}/ready`);
  assert.equal(res.contentType, 'application/json');
  return { status: res.status, body: JSON.parse(res.body) as { ready: boolean; phase: string; missing: string[] } };
}

test('/health is live; /ready is 503 naming what is missing until every family is up, reconciled and connected, 200 then, 503 at the stop; /metrics; 404 and 405', async () => {
  const operator = await startOperator({ host: '127.0.0.1', port: 0, finalScrapeWaitMs: 0 });
  const { url, probe } = operator;
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.deepEqual(await httpGet(`${url}/health`), { status: 200, contentType: 'text/plain; charset=utf-8', body: 'live\n' });
  assert.deepEqual(await ready(url), { status: 503, body: { ready: false, phase: 'starting', missing: ['the session has not planned its families yet'] } });

  probe.planned([{ family: 'market_making' }, { family: 'arbitrage', connects: true }]);
  assert.deepEqual((await ready(url)).body.missing, ['family market_making is not up', 'family arbitrage is not up', 'start-up reconciliation not done']);
  const mm = family('market_making');
  const arb = family('arbitrage');
  probe.familyUp(mm);
  probe.familyUp(arb);
  probe.connections('arbitrage', false);
  assert.deepEqual(await ready(url), { status: 503, body: { ready: false, phase: 'starting', missing: ['family arbitrage: connections not live', 'start-up reconciliation not done'] } });
  probe.reconciled();
  probe.connections('arbitrage', true);
  assert.deepEqual(await ready(url), { status: 200, body: { ready: true, phase: 'running', missing: [] } });

  const metrics = await httpGet(`${url}/metrics?family=ignored`);
  assert.equal(metrics.status, 200);
  assert.match(metrics.contentType, /^text\/plain; version=0\.0\.4/);
  assert.match(metrics.body, /^arbiter_orders_total\{family="market_making"\} 0$/m);
  assert.match(metrics.body, /^arbiter_risk_state\{family="arbitrage"\} 3$/m, 'no risk actor: unknown');
  assert.match(metrics.body, /^process_cpu_seconds_total \d/m, 'the process metrics too');
  assert.equal((await httpGet(`${url}/nope`)).status, 404);
  assert.equal((await httpGet(`${url}/`)).status, 404);
  assert.equal((await httpGet(`${url}/metrics`, 'POST')).status, 405);

  probe.stopping();
  assert.deepEqual(await ready(url), { status: 503, body: { ready: false, phase: 'stopping', missing: ['the session is stopping'] } });
  operator.finished();
  await operator.close();
  assert.equal(await answers(`${url}/health`), false, 'closed at the stop');
  await Promise.all([mm.system.shutdown(), arb.system.shutdown()]);
});

test('at the stop the endpoints stay until one scrape has read the final figures, at most finalScrapeWaitMs', async () => {
  const waiting = await startOperator({ host: '127.0.0.1', port: 0, finalScrapeWaitMs: 10_000 });
  const mm = family('market_making');
  waiting.probe.familyUp(mm);
  mm.system.publish({ type: 'orders.updated', updates: [{ clientOrderId: 'a', intentId: 'i', strategy: 's', venue: 'paper', symbol: 'BTC/USDT', side: 'buy', status: 'submitted', filled: 0, amount: 1 }], fills: [] });
  waiting.finished();
  let closed = false;
  const closing = waiting.close().then(() => (closed = true));
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(closed, false, 'no scrape yet');
  assert.equal((await ready(waiting.url)).body.phase, 'finished');
  assert.match((await httpGet(`${waiting.url}/metrics`)).body, /^arbiter_orders_total\{family="market_making"\} 1$/m);
  const t0 = performance.now();
  await closing;
  assert.ok(performance.now() - t0 < 1_000, 'closed right after the final scrape, not at the end of the wait');
  assert.equal(await answers(`${waiting.url}/health`), false);

  const unscraped = await startOperator({ host: '127.0.0.1', port: 0, finalScrapeWaitMs: 150 });
  unscraped.finished();
  const t1 = performance.now();
  await unscraped.close();
  assert.ok(performance.now() - t1 >= 140, 'waited for a scrape that never came');
  await mm.system.shutdown();
});

test('a port already in use is an InputError naming it', async () => {
  const holder = createServer();
  const port = await listening(holder);
  await assert.rejects(startOperator({ host: '127.0.0.1', port, finalScrapeWaitMs: 0 }), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.equal(err.message, `operator endpoints: 127.0.0.1:${port} is already in use; choose another port (--metrics-port or operator.port)`);
    return true;
  });
  await new Promise((r) => holder.close(r));
});
