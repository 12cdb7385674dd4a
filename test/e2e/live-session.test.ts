import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { configSchema, type Config } from '../../config/index.js';
import { secretsFrom } from '../../config/secrets.js';
import { InputError } from '../../actors/runtime/errors.js';
import type { Message } from '../../actors/runtime/messages.js';
import type { ActorSystem } from '../../actors/runtime/system.js';
import { LocalExchange } from '../../actors/venues/local-exchange/server.js';
import { klines } from '../../actors/venues/local-exchange/klines.js';
import { runLiveSession } from '../../supervisors/live-session.js';
import { openStore } from '../../actors/ledger/storage/store.js';
import { LIVE_KEY, LIVE_MID, liveConfigInput, startLiveMarket } from '../support/live-market.js';

const KEY = LIVE_KEY;
const MID = LIVE_MID;

const liveConfig = (ex: LocalExchange): Config => configSchema.parse(liveConfigInput(ex));

test('a live session trades market making through real ccxt against a local Binance: approved, journaled, cancelled at the stop', async () => {
  const { ex, mover, crowd } = await startLiveMarket();
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-live-'));
  const dbFile = join(dir, 'live.db');
  // A previous run left an order resting on the exchange, journaled as submitted: reconciled (cancelled) before trading.
  const old = { intentId: 'market-making-old-1', strategy: 'market-making', venue: 'binance', symbol: 'BTC/USDT', side: 'buy' as const, kind: 'open' as const, type: 'limit' as const, amount: 0.002, price: 9800 };
  ex.state.placeOrder(KEY.apiKey, { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: 0.002, price: 9800, clientOrderId: 'market-making-old-1.0' });
  const before = openStore(dbFile);
  before.orders.recordIntent(old, Date.now());
  before.orders.upsertOrder({ clientOrderId: 'market-making-old-1.0', intentId: old.intentId, strategy: old.strategy, venue: 'binance', symbol: 'BTC/USDT', side: 'buy', status: 'submitted', filled: 0, amount: 0.002, price: 9800, ts: Date.now() });
  before.close();
  const seen: Message[] = [];
  // After the fourth bar, three candle polls in a row get a 503: the market is reported stale once (and
  // a probe intent sent then is vetoed by risk), then live again, and the missed bars follow in order.
  const observe = (system: ActorSystem) =>
    system.observe((m) => {
      seen.push(m);
      if (m.type === 'candle.closed' && seen.filter((x) => x.type === 'candle.closed').length === 4) ex.inject({ kind: '5xx', route: 'GET /api/v3/klines', times: 3 });
      if (m.type === 'market.stale') {
        const probe = { intentId: 'probe-1', strategy: 'probe', venue: 'binance', symbol: 'BTC/USDT', side: 'buy' as const, kind: 'open' as const, type: 'limit' as const, amount: 0.002, price: MID * 0.99 };
        setImmediate(() => system.publish({ type: 'order.intents', intents: [probe] }));
      }
    });
  try {
    const summary = await runLiveSession({
      config: liveConfig(ex),
      secrets: secretsFrom({ BINANCE_API_KEY: KEY.apiKey, BINANCE_SECRET: KEY.secret }).secrets,
      logger: pino({ level: 'silent' }),
      dbFile,
      sessionId: 'live1',
      durationMs: 9_000,
      onSystem: observe,
    });
    crowd.stop();
    mover.stop();

    assert.equal(summary.mode, 'live');
    assert.equal(summary.exchange, 'binance');
    assert.equal(summary.openAtStop, 0, 'cancelAll through execution left nothing for the fallback');
    assert.equal(summary.haltedBy, null);
    assert.deepEqual(summary.reconciled, { settled: 0, cancelled: 1, lost: 0, unresolved: 0 });
    const leftover = ex.state.findOrder(KEY.apiKey, 'BTCUSDT', undefined, 'market-making-old-1.0');
    assert.equal(leftover.status, 'CANCELED');
    const firstNew = ex.state.ordersOf(KEY.apiKey).find((o) => o.clientOrderId.startsWith('market-making-live1-'));
    assert.ok(firstNew && leftover.updateTime <= firstNew.time, 'the leftover was cancelled before the first new order');

    // Candles: one per closed bar, in order, each published only after its bar closed, equal to the exchange's final bar.
    const candles = seen.filter((m): m is Extract<Message, { type: 'candle.closed' }> => m.type === 'candle.closed');
    assert.ok(candles.length >= 5, `closed bars published: ${candles.length}`);
    assert.equal(summary.bars, candles.length);
    for (let i = 1; i < candles.length; i++) assert.equal(candles[i]!.candle.ts, candles[i - 1]!.candle.ts + 1000, 'consecutive 1s bars, none twice, none skipped');
    const final = new Map(klines(ex.state.tape('BTCUSDT'), '1s', ex.serverTime(), { startTime: candles[0]!.candle.ts, limit: 1000 }).map((k) => [k[0] as number, k]));
    for (const { candle, ts } of candles) {
      assert.ok(ts >= candle.ts + 1000, `bar ${candle.ts} published at ${ts}, before it closed`);
      const k = final.get(candle.ts)!;
      assert.deepEqual([candle.open, candle.high, candle.low, candle.close, candle.volume], k.slice(1, 6).map(Number), `bar ${candle.ts} changed after it was published`);
    }
    const status = seen.filter((m) => m.type === 'market.stale' || m.type === 'market.live').map((m) => m.type);
    assert.deepEqual(status, ['market.stale', 'market.live']);
    const denied = seen.flatMap((m) => (m.type === 'orders.denied' ? m.denials : []));
    assert.deepEqual(denied.map((d) => [d.intent.intentId, d.reason]), [['probe-1', 'STALE_MARKET_DATA']], 'only the probe is vetoed, for stale data');
    const approvals = seen.flatMap((m) => (m.type === 'orders.approved' ? m.approvals : []));
    assert.ok(!approvals.some((a) => a.intent.intentId === 'probe-1'));

    // Orders: on the exchange under our clientOrderIds, every one journaled and approved by risk.
    const onExchange = ex.state.ordersOf(KEY.apiKey).filter((o) => o.clientOrderId !== 'market-making-old-1.0');
    assert.ok(onExchange.length >= 4, `orders on the exchange: ${onExchange.length}`);
    const approved = new Set(approvals.map((a) => a.intent.intentId));
    const db = new Database(dbFile, { readonly: true });
    const journal = new Map(db.prepare('SELECT client_order_id AS id, intent_id AS intentId, status FROM orders').all().map((r) => {
      const row = r as { id: string; intentId: string; status: string };
      return [row.id, row];
    }));
    const intents = new Set(db.prepare('SELECT intent_id AS id FROM intents').all().map((r) => (r as { id: string }).id));
    db.close();
    for (const o of onExchange) {
      assert.match(o.clientOrderId, /^market-making-live1-\d+\.0$/);
      const row = journal.get(o.clientOrderId);
      assert.ok(row, `${o.clientOrderId} is on the exchange but not in the journal`);
      assert.ok(intents.has(row.intentId), `${o.clientOrderId}: intent ${row.intentId} not journaled`);
      assert.ok(approved.has(row.intentId), `${o.clientOrderId}: intent ${row.intentId} never approved by risk`);
      assert.ok(['filled', 'cancelled'].includes(row.status), `${o.clientOrderId} ends ${row.status} in the journal`);
    }
    assert.equal(journal.get('market-making-old-1.0')?.status, 'cancelled', 'the old order is settled in the journal');
    assert.equal(summary.orders, onExchange.length);
    // Fills on resting quotes are learned by polling the orders, before the strategy (or the stop) cancels them.
    const cancelled = (clientOrderId: string, before: number) =>
      seen.slice(0, before).some((c) => c.type === 'orders.cancelAll' || (c.type === 'order.intents' && c.intents.some((x) => x.cancelClientOrderId === clientOrderId)));
    const makerFillsBeforeCancel = seen.flatMap((m, i) => (m.type === 'orders.updated' ? m.fills.filter((f) => f.liquidity === 'maker' && !cancelled(f.clientOrderId, i)) : []));
    assert.ok(makerFillsBeforeCancel.length >= 1, `maker fills seen before their order's cancel: ${makerFillsBeforeCancel.length} of ${summary.fills} fills`);
    const exchangeFills = onExchange.reduce((n, o) => n + o.executedQty, 0);
    const journalFills = seen.reduce((n, m) => n + (m.type === 'orders.updated' ? m.fills.reduce((a, f) => a + f.amount, 0) : 0), 0);
    assert.ok(Math.abs(exchangeFills - journalFills) < 1e-9, `filled on the exchange ${exchangeFills}, reported ${journalFills}`);
    assert.deepEqual(ex.state.ordersOf(KEY.apiKey, 'BTCUSDT', true), [], 'nothing of ours rests on the exchange after the stop');
  } finally {
    crowd.stop();
    mover.stop();
    await ex.close();
  }
});

test('a live session without keys refuses with an InputError naming the missing environment variables, before any request', async () => {
  const { ex, mover, crowd } = await startLiveMarket();
  try {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'arbiter-live-')), 'live.db');
    const run = (env: Record<string, string>) =>
      runLiveSession({ config: liveConfig(ex), secrets: secretsFrom(env).secrets, logger: pino({ level: 'silent' }), dbFile, sessionId: 'nokeys', durationMs: 1_000 });
    await assert.rejects(run({ BINANCE_API_KEY: KEY.apiKey }), (e: unknown) => e instanceof InputError && /BINANCE_SECRET/.test(e.message) && !/BINANCE_API_KEY/.test(e.message));
    await assert.rejects(run({ KRAKEN_API_KEY: 'k', KRAKEN_SECRET: 's' }), (e: unknown) => e instanceof InputError && /BINANCE_API_KEY/.test(e.message) && /BINANCE_SECRET/.test(e.message));
    assert.deepEqual(ex.stats.requests, {}, 'nothing was sent to the exchange');
  } finally {
    crowd.stop();
    mover.stop();
    await ex.close();
  }
});
