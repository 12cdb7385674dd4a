import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { defaultConfig, type Config } from '../../config/index.js';
import { openStore } from '../../actors/ledger/storage/store.js';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { replayCandles } from '../../actors/market-data/replay/candle-replay.js';
import type { Message } from '../../actors/runtime/messages.js';
import { SimulatedClock } from '../../actors/runtime/clock.js';
import { startCandleFamily } from '../../supervisors/candle-family.js';
import { planPaperFamilies } from '../../supervisors/session-plan.js';

const series = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');

function session(config: Config) {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'arbiter-chaos-')), 'chaos.db'));
  // Market making on the recorded candles alone: amm-lp (same family) would need a local chain of its own.
  const plan = planPaperFamilies({ ...config, paper: { ...config.paper, strategies: ['market-making'] } }).running.find((p) => p.family === 'market_making')!;
  const clock = new SimulatedClock(series.candles[0]!.ts);
  const s = { ...startCandleFamily({ config, logger: pino({ level: 'silent' }), store, plan, clock, firstCandle: series.candles[0]!, random: () => 0.5 }), clock };
  const creates: string[] = [];
  const create = s.venue.createOrder.bind(s.venue);
  s.venue.createOrder = async (request) => {
    creates.push(request.clientOrderId);
    return create(request);
  };
  const seen: Message[] = [];
  s.system.observe((m) => seen.push(m));
  return { ...s, store, creates, seen };
}

function replay(s: ReturnType<typeof session>, bars: number, kills: Record<number, string>) {
  return replayCandles({
    targets: [{ system: s.system, venue: s.venue.id }], clock: s.clock, symbol: 'BTC/USDT',
    candles: series.candles.slice(0, bars), timeframeMs: series.timeframeMs, speed: Number.POSITIVE_INFINITY,
    onBar: (i) => {
      const victim = kills[i];
      if (victim) s.system.publish({ type: 'chaos.kill', reason: `chaos at bar ${i}`, to: victim });
    },
  });
}

test('killing strategy, execution and risk mid-session: it keeps trading, no order is duplicated or lost', async () => {
  const config = { ...defaultConfig(), supervision: { ...defaultConfig().supervision, backoffMinMs: 1, backoffMaxMs: 5 } };
  const s = session(config);
  await replay(s, 400, { 60: 'strategy:market-making', 150: 'execution', 250: 'risk', 330: 'strategy:market-making' });
  await s.system.whenQuiescent();

  assert.equal(s.system.actor('strategy:market-making')!.restarts, 2);
  assert.equal(s.system.actor('execution')!.restarts, 2, 'execution restarts alone, then again with risk (rest_for_one)');
  assert.equal(s.system.actor('ledger')!.restarts, 1);
  assert.equal(s.system.actor('risk')!.restarts, 1);
  assert.equal(s.store.restarts.count(), 6, 'every restart is journaled');
  assert.equal(s.system.deadLettered, 4, 'exactly the four poison messages were dead-lettered');

  const fillsAfterLastKill = s.seen.filter((m) => m.type === 'orders.updated' && m.ts > series.candles[330]!.ts).reduce((n, m) => n + (m.type === 'orders.updated' ? m.fills.length : 0), 0);
  assert.ok(fillsAfterLastKill > 0, 'trading went on after the last kill');
  assert.equal(new Set(s.creates).size, s.creates.length, 'no clientOrderId was ever sent twice');
  const journaled = s.store.orders.nonTerminalOrders().length;
  for (const id of s.creates) assert.ok(s.store.orders.order(id), `${id} reached the venue and is journaled`);
  const atVenue = await Promise.all(s.store.orders.nonTerminalOrders().map((o) => s.venue.fetchOrderByClientId(o.clientOrderId, o.symbol)));
  assert.equal(atVenue.filter((o) => o?.status === 'open').length, journaled, 'journal and venue agree on what rests');
  await s.system.shutdown();
  s.store.close();
});

test('a crash loop escalates past the root: risk HALTED, open orders cancelled, the loop stops', async () => {
  const base = defaultConfig();
  const config = { ...base, supervision: { ...base.supervision, maxRestarts: 1, withinMs: 60_000, backoffMinMs: 1, backoffMaxMs: 2 } };
  const s = session(config);
  const kills = Object.fromEntries([40, 41, 42, 43, 44, 45].map((bar) => [bar, 'strategy:market-making']));
  await replay(s, 80, kills);
  await s.system.whenQuiescent();

  assert.match(s.haltedBy() ?? '', /escalation from strategies/);
  const risk = s.system.actor('risk')!.snapshot() as { value: string };
  assert.equal(risk.value, 'HALTED');
  assert.equal(s.system.actor('strategy:market-making')!.status, 'stopped');
  const open = s.store.orders.nonTerminalOrders();
  assert.deepEqual(open, [], 'every resting order was cancelled');
  assert.ok(s.seen.some((m) => m.type === 'risk.changed' && m.state === 'HALTED'));
  await s.system.shutdown();
  s.store.close();
});
