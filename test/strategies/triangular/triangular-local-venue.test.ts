import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { defaultConfig } from '../../../config/index.js';
import { SystemClock } from '../../../actors/runtime/clock.js';
import type { Message } from '../../../actors/runtime/messages.js';
import { riskActor } from '../../../actors/risk/risk-actor.js';
import { ledgerActor } from '../../../actors/ledger/ledger-actor.js';
import { executionActor } from '../../../actors/execution/execution-actor.js';
import { CcxtVenue } from '../../../actors/venues/ccxt/ccxt-venue.js';
import { LocalExchange } from '../../../actors/venues/local-exchange/server.js';
import { listedMarkets } from '../../../actors/venues/local-exchange/listed-markets.js';
import { triangularActor } from '../../../actors/strategies/triangular/triangular-actor.js';
import type { SpotMarket } from '../../../actors/strategies/triangular/snapshot.js';
import { bootTradingSystem } from '../../../supervisors/boot.js';
import { riskLimitsFrom, supervisionFrom } from '../../../supervisors/from-config.js';

const KEY = { apiKey: 'k', secret: 's' };
const books: Record<string, { bids: Array<[number, number]>; asks: Array<[number, number]> }> = {
  BTCUSDT: { bids: [[10_890, 1]], asks: [[10_900, 0.05], [10_950, 1]] },
  ETHBTC: { bids: [[0.033, 10]], asks: [[0.0331, 5]] },
  ETHUSDT: { bids: [[363, 1], [355, 5]], asks: [[364, 5]] }, // ETH is dear in USDT: USDT → BTC → ETH → USDT pays
};

test('triangular on one local Binance venue through risk and execution; a leg whose create times out is found by clientOrderId, not re-posted', async (t) => {
  const listed = listedMarkets(['BTCUSDT', 'ETHBTC', 'ETHUSDT']);
  const ex = await LocalExchange.start({ markets: listed, books, accounts: { [KEY.apiKey]: { secret: KEY.secret, balances: { USDT: 20_000, BTC: 0.5, ETH: 5 } } } });
  const venue = new CcxtVenue({ id: 'local', exchangeId: 'binance', credentials: KEY, clock: new SystemClock(), apiUrls: ex.ccxtUrls(), network: { timeoutMs: 1000 } });
  const markets: SpotMarket[] = listed.map((m) => ({ symbol: m.symbol, base: m.base, quote: m.quote, bids: books[m.symbol]!.bids, asks: books[m.symbol]!.asks, rules: m }));
  const config = defaultConfig();
  const clock = new SystemClock();
  const seen: Message[] = [];
  const trading = bootTradingSystem({
    clock,
    logger: pino({ level: 'silent' }),
    venues: { local: venue },
    risk: riskActor({ capital: 100_000, limits: { ...riskLimitsFrom(config), minExpectedProfit: 0 }, startTs: clock.now() }),
    ledger: ledgerActor({ capital: 100_000, markEveryMs: 60_000 }),
    execution: executionActor({ venues: { local: venue }, input: { venues: { local: { taker: 0.001, onNotFound: 'reject' } }, maxLiquidityFraction: 1 } }),
    venueActors: [],
    strategies: [triangularActor({ strategy: 'tri', venue: 'local', markets, fee: 0.001, minNetReturn: 0.001, deadlineMs: 8000, hedgeDeadlineMs: 8000 })],
    supervision: supervisionFrom(config),
  });
  t.after(async () => {
    await trading.system.shutdown();
    await venue.close();
    await ex.close();
  });
  trading.system.observe((m: Message) => seen.push(m));
  await venue.fetchBalance(); // markets loaded before the fault is armed
  ex.inject({ kind: 'timeout', route: 'POST /api/v3/order', afterProcessing: true });
  for (const symbol of ['BTC/USDT', 'ETH/BTC', 'ETH/USDT']) trading.system.publish({ type: 'book.updated', book: await venue.fetchOrderBook(symbol, 20) });
  const t0 = Date.now();
  while (!seen.some((m) => m.type === 'arb.outcome') && Date.now() - t0 < 20_000) {
    await trading.system.whenQuiescent();
    await new Promise((r) => setTimeout(r, 20));
  }
  const outcome = seen.find((m) => m.type === 'arb.outcome');
  assert.ok(outcome?.type === 'arb.outcome', 'the group finished');
  assert.equal(outcome.outcome, 'completed', outcome.detail);
  assert.ok(outcome.pnl.USDT! > 0, `realised ${outcome.pnl.USDT} USDT`);
  const orders = ex.state.ordersOf(KEY.apiKey);
  assert.equal(orders.length, 3, 'three legs, none duplicated');
  for (const o of orders) assert.equal(ex.state.countByClientId(o.clientOrderId), 1);
  assert.ok(seen.some((m) => m.type === 'orders.updated' && m.updates.some((o) => o.status === 'unknown')), 'the timed-out create went through UNKNOWN');
  assert.equal(ex.stats.requests['POST /api/v3/order'], 3, 'the timed-out create was resolved by query, not re-posted');
});
