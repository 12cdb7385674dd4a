import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { configSchema } from '../../../config/index.js';
import { secretsFrom } from '../../../config/secrets.js';
import { runLiveSession } from '../../../supervisors/live-session.js';
import { startOperator } from '../../../supervisors/operator/operator.js';
import { LIVE_KEY, liveConfigInput, startLiveMarket } from '../../support/live-market.js';
import { answers, httpGet } from '../../support/http-get.js';

function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  assert.ok(line, `${series} in /metrics`);
  return Number(line.slice(series.length + 1));
}

test('a live session feeds the operator endpoints: ready once reconciled and up, and its final counters are the summary\'s', async () => {
  const market = await startLiveMarket();
  const operator = await startOperator({ host: '127.0.0.1', port: 0, finalScrapeWaitMs: 5_000 });
  const readiness: string[] = [];
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const res = await httpGet(`${operator.url}/ready`);
      const phase = (JSON.parse(res.body) as { phase: string }).phase;
      if (readiness.at(-1) !== `${res.status} ${phase}`) readiness.push(`${res.status} ${phase}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  try {
    const summary = await runLiveSession({
      config: configSchema.parse(liveConfigInput(market.ex)),
      secrets: secretsFrom({ BINANCE_API_KEY: LIVE_KEY.apiKey, BINANCE_SECRET: LIVE_KEY.secret }).secrets,
      logger: pino({ level: 'silent' }),
      dbFile: join(mkdtempSync(join(tmpdir(), 'arbiter-live-operator-')), 'live.db'),
      sessionId: 'op1',
      // Market making quotes from its fourth closed 1 s bar on.
      durationMs: 6_500,
      probe: operator.probe,
    });
    polling = false;
    await poll;
    operator.finished();
    const closing = operator.close();
    const final = (await httpGet(`${operator.url}/metrics`)).body;
    await closing;

    assert.deepEqual(readiness.slice(readiness.indexOf('200 running')), ['200 running', '503 stopping'], `ready while it traded, then not: ${readiness.join(', ')}`);
    assert.ok(summary.orders > 0, `the session traded: ${summary.orders} orders`);
    assert.equal(sample(final, 'arbiter_orders_total{family="market_making"}'), summary.orders);
    assert.equal(sample(final, 'arbiter_fills_total{family="market_making"}'), summary.fills);
    assert.equal(sample(final, 'arbiter_risk_state{family="market_making"}'), 0);
    assert.ok(Math.abs(sample(final, 'arbiter_pnl{family="market_making"}') - (summary.equityEnd - summary.equityStart)) < 1e-6);
    assert.ok(sample(final, 'arbiter_message_latency_seconds_count{family="market_making",actor="execution"}') > 0);
    assert.equal(await answers(`${operator.url}/health`), false);
  } finally {
    polling = false;
    await market.stop();
  }
});
