import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { defaultConfig } from '../../../config/index.js';
import { SystemClock } from '../../../actors/runtime/clock.js';
import type { Message } from '../../../actors/runtime/messages.js';
import type { OrderIntent } from '../../../actors/risk/intent.js';
import { riskActor } from '../../../actors/risk/risk-actor.js';
import { ledgerActor } from '../../../actors/ledger/ledger-actor.js';
import { executionActor } from '../../../actors/execution/execution-actor.js';
import { MarketConnection } from '../../../actors/market-data/order-book/market-connection.js';
import { bootTradingSystem } from '../../../supervisors/boot.js';
import { riskLimitsFrom, supervisionFrom } from '../../../supervisors/from-config.js';
import { startExchange, venueFor } from '../../venues/ccxt/fixture.js';
import { until } from '../../support/until.js';

test('a stalled websocket: the market is marked stale and risk vetoes trading on it; when data flows again trading passes', async (t) => {
  const ex = await startExchange();
  const venue = venueFor(ex);
  const clock = new SystemClock();
  const config = defaultConfig();
  const trading = bootTradingSystem({
    clock,
    logger: pino({ level: 'silent' }),
    venues: { local: venue },
    risk: riskActor({ capital: 100_000, limits: { ...riskLimitsFrom(config), staleDataMs: 400 }, startTs: clock.now() }),
    ledger: ledgerActor({ capital: 100_000, markEveryMs: 60_000 }),
    execution: executionActor({ venues: { local: venue }, input: { venues: { local: { taker: 0.001, onNotFound: 'reject' } }, maxLiquidityFraction: 1 } }),
    venueActors: [],
    strategies: [],
    supervision: supervisionFrom(config),
  });
  const seen: Message[] = [];
  trading.system.observe((m) => seen.push(m));
  const conn = new MarketConnection(
    {
      venue: 'local', symbol: 'BTC/USDT', streamId: 'btcusdt', wsUrl: `ws://127.0.0.1:${ex.port}/ws`, silenceMs: 300,
      fetchSnapshot: () => venue.fetchDepthSnapshot('BTC/USDT', 100),
      machine: { baseDelayMs: 20, maxDelayMs: 200 },
      onBook: (book) => trading.system.publish({ type: 'book.updated', book }),
      onStatus: (e) => trading.system.publish(e),
    },
    clock,
  );
  let n = 0;
  const ticker = setInterval(() => ex.state.seed('BTCUSDT', [[10_890, 1 + (n++ % 5) / 10]], [[10_900, 1]]), 50);
  t.after(async () => {
    clearInterval(ticker);
    conn.stop();
    await trading.system.shutdown();
    await venue.close();
    await ex.close();
  });
  const intent = (id: string): OrderIntent => ({ intentId: id, strategy: 'probe', venue: 'local', symbol: 'BTC/USDT', side: 'buy', kind: 'open', type: 'limit', amount: 0.01, price: 10_000 });
  const verdict = (id: string): { type: 'approved' | 'denied'; reason?: string } | undefined => {
    for (const m of seen) {
      if (m.type === 'orders.approved' && m.approvals.some((a) => a.intent.intentId === id)) return { type: 'approved' };
      const denial = m.type === 'orders.denied' ? m.denials.find((d) => d.intent.intentId === id) : undefined;
      if (denial) return { type: 'denied', reason: denial.reason };
    }
    return undefined;
  };

  conn.start();
  await until('live', () => conn.state === 'live' && seen.some((m) => m.type === 'book.updated'));
  trading.system.publish({ type: 'order.intents', intents: [intent('probe-1')] });
  await until('verdict 1', () => verdict('probe-1') !== undefined);
  assert.equal(verdict('probe-1')?.type, 'approved');

  ex.streams.stalled = true;
  await until('market.stale', () => seen.some((m) => m.type === 'market.stale'));
  await new Promise((r) => setTimeout(r, 450));
  trading.system.publish({ type: 'order.intents', intents: [intent('probe-2')] });
  await until('verdict 2', () => verdict('probe-2') !== undefined);
  const denied = verdict('probe-2');
  assert.ok(denied?.type === 'denied' && denied.reason === 'STALE_MARKET_DATA', JSON.stringify(denied));

  ex.streams.stalled = false;
  await until('live again', () => conn.state === 'live' && seen.at(-1) !== undefined && seen.filter((m) => m.type === 'market.live').length >= 2);
  await until('fresh book', () => seen.filter((m) => m.type === 'book.updated').at(-1)!.ts > Date.now() - 100);
  trading.system.publish({ type: 'order.intents', intents: [intent('probe-3')] });
  await until('verdict 3', () => verdict('probe-3') !== undefined);
  assert.equal(verdict('probe-3')?.type, 'approved');
});
