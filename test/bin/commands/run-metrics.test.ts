import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARBITER } from '../../support/arbiter-cli.js';
import { closedPort, listening } from '../../support/ports.js';
import { answers, httpGet, type HttpAnswer } from '../../support/http-get.js';

function run(args: string[]) {
  const child = spawn(process.execPath, [ARBITER, 'run', ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let exited = false;
  const exit = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (status) => {
      exited = true;
      resolve({ status, stdout, stderr });
    }),
  );
  return { exit, exited: () => exited, stderr: () => stderr };
}

/** Asks `url` every 50 ms until `accept` takes an answer; fails if the process exits or 10 s pass. */
async function pollUntil(what: string, url: string, accept: (a: HttpAnswer) => boolean, session: ReturnType<typeof run>): Promise<HttpAnswer> {
  const t0 = performance.now();
  for (;;) {
    const answer = await httpGet(url).catch(() => undefined);
    if (answer && accept(answer)) return answer;
    if (session.exited()) throw new Error(`the session exited before ${what}: ${session.stderr()}`);
    if (performance.now() - t0 > 10_000) throw new Error(`gave up waiting for ${what}; last answer ${JSON.stringify(answer)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  assert.ok(line, `${series} in /metrics`);
  return Number(line.slice(series.length + 1));
}

/** Sum of every sample of `metric` whose labels include `family="market_making"`. */
function total(text: string, metric: string): number {
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${metric}{`) && l.includes('family="market_making"'))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

test('run --metrics-port serves /health, /ready and /metrics while a paper session runs; the final counters are the summary\'s; the port closes at exit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-metrics-cli-'));
  const config = join(dir, 'arbiter.yaml');
  // The endpoints wait for one scrape of the final figures before closing, so the test reads them without a race.
  writeFileSync(config, 'paper:\n  strategies: [market-making]\noperator:\n  finalScrapeWaitMs: 5000\n');
  const port = await closedPort();
  const url = `http://127.0.0.1:${port}`;
  const session = run(['--config', config, '--db', join(dir, 'j.db'), '--duration', '4', '--json', '--metrics-port', String(port)]);

  const health = await pollUntil('/health answers', `${url}/health`, () => true, session);
  assert.deepEqual([health.status, health.body], [200, 'live\n']);
  const ready = await pollUntil('/ready is 200', `${url}/ready`, (a) => a.status === 200, session);
  assert.deepEqual(JSON.parse(ready.body), { ready: true, phase: 'running', missing: [] });
  const running = await pollUntil('the first order', `${url}/metrics`, (a) => /^arbiter_orders_total\{family="market_making"\} [1-9]/m.test(a.body), session);
  assert.match(running.contentType, /^text\/plain; version=0\.0\.4/);
  for (const actor of ['risk', 'ledger', 'execution', 'venue:paper', 'strategy:market-making']) {
    assert.ok(sample(running.body, `arbiter_mailbox_depth{family="market_making",actor="${actor}"}`) >= 0);
    assert.equal(sample(running.body, `arbiter_actor_restarts_total{family="market_making",actor="${actor}"}`), 0);
  }
  assert.ok(sample(running.body, 'arbiter_message_latency_seconds_count{family="market_making",actor="execution"}') > 0);
  assert.equal(sample(running.body, 'arbiter_risk_state{family="market_making"}'), 0);

  const finished = await pollUntil('/ready says finished', `${url}/ready`, (a) => a.body.includes('"finished"'), session);
  assert.equal(finished.status, 503);
  const final = await httpGet(`${url}/metrics`);
  const res = await session.exit;
  assert.equal(res.status, 0, res.stderr);
  const summary = JSON.parse(res.stdout.trim().split('\n').at(-1)!) as { orders: number; fills: number; vetoes: number; restarts: number; deadLetters: number; equityEnd: number; equityStart: number };
  assert.ok(summary.orders > 0 && summary.fills > 0, `the session traded: ${summary.orders} orders, ${summary.fills} fills`);
  assert.equal(sample(final.body, 'arbiter_orders_total{family="market_making"}'), summary.orders);
  assert.equal(sample(final.body, 'arbiter_fills_total{family="market_making"}'), summary.fills);
  assert.equal(total(final.body, 'arbiter_vetoes_total'), summary.vetoes);
  assert.equal(total(final.body, 'arbiter_actor_restarts_total'), summary.restarts);
  assert.equal(sample(final.body, 'arbiter_dead_letters_total{family="market_making"}'), summary.deadLetters);
  assert.ok(Math.abs(sample(final.body, 'arbiter_pnl{family="market_making"}') - (summary.equityEnd - summary.equityStart)) < 1e-6, 'P&L as the summary measured it');
  assert.equal(await answers(`${url}/health`), false, 'nothing listens after the exit');
});

test('run --metrics-port on a port in use exits 2 with one line, before any session starts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-metrics-cli-'));
  const holder = createServer();
  const port = await listening(holder);
  const [taken, bad] = await Promise.all([
    run(['--db', join(dir, 'j.db'), '--duration', '1', '--metrics-port', String(port)]).exit,
    run(['--db', join(dir, 'j.db'), '--duration', '1', '--metrics-port', '70000']).exit,
  ]);
  await new Promise((r) => holder.close(r));
  assert.equal(taken.status, 2, taken.stderr);
  assert.equal(taken.stderr.trim().split('\n').length, 1, taken.stderr);
  assert.equal(taken.stderr.trim(), `arbiter run: operator endpoints: 127.0.0.1:${port} is already in use; choose another port (--metrics-port or operator.port)`);
  assert.equal(bad.status, 2, bad.stderr);
  assert.match(bad.stderr, /--metrics-port must be a port number \(1-65535\), got "70000"/);
  assert.deepEqual(readdirSync(dir), [], 'no journal was opened');
});
