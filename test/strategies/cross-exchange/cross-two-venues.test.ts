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
import { crossExchangeActor } from '../../../actors/strategies/cross-exchange/cross-exchange-actor.js';
import { bootTradingSystem } from '../../../supervisors/boot.js';
import { riskLimitsFrom, supervisionFrom } from '../../../supervisors/from-config.js';

const KEY = { apiKey: 'k', secret: 's' };

async function venueOn(id: string, bids: Array<[number, number]>, asks: Array<[number, number]>) {
  const ex = await LocalExchange.start({
    markets: listedMarkets(['BTCUSDT']),
    books: { BTCUSDT: { bids, asks } },
    accounts: { [KEY.apiKey]: { secret: KEY.secret, balances: { USDT: 50_000, BTC: 1 } } },
  });
  const venue = new CcxtVenue({ id, exchangeId: 'binance', credentials: KEY, clock: new SystemClock(), apiUrls: ex.ccxtUrls(), network: { timeoutMs: 2000 } });
  return { ex, venue };
}

test('cross-exchange over two local Binance venues through risk and execution: buy cheap, sell dear, arb.outcome with realised P&L', async (t) => {
  const a = await venueOn('binance-a', [[10_880, 1]], [[10_900, 0.3], [10_950, 1]]);
  const b = await venueOn('binance-b', [[11_000, 0.2], [10_990, 1]], [[11_020, 1]]);
  const config = defaultConfig();
  const clock = new SystemClock();
  const venues = { 'binance-a': a.venue, 'binance-b': b.venue };
  const seen: Message[] = [];
  const trading = bootTradingSystem({
    clock,
    logger: pino({ level: 'silent' }),
    venues,
    risk: riskActor({ capital: 100_000, limits: { ...riskLimitsFrom(config), minExpectedProfit: 0 }, startTs: clock.now() }),
    ledger: ledgerActor({ capital: 100_000, markEveryMs: 60_000 }),
    execution: executionActor({ venues, input: { venues: { 'binance-a': { taker: 0.001, onNotFound: 'reject' }, 'binance-b': { taker: 0.001, onNotFound: 'reject' } }, maxLiquidityFraction: 1 } }),
    venueActors: [],
    strategies: [
      crossExchangeActor({ strategy: 'cross', symbol: 'BTC/USDT', venues: { 'binance-a': 0.001, 'binance-b': 0.001 }, minNetProfit: 1, maxAmount: 0.5, stepSize: 0.000001, deadlineMs: 5000, hedgeDeadlineMs: 5000 }),
    ],
    supervision: supervisionFrom(config),
  });
  t.after(async () => {
    await trading.system.shutdown();
    for (const v of [a, b]) { await v.venue.close(); await v.ex.close(); }
  });
  trading.system.observe((m: Message) => seen.push(m));
  for (const v of [a, b]) trading.system.publish({ type: 'book.updated', book: await v.venue.fetchOrderBook('BTC/USDT', 20) });
  const t0 = Date.now();
  while (!seen.some((m) => m.type === 'arb.outcome') && Date.now() - t0 < 15_000) {
    await trading.system.whenQuiescent();
    await new Promise((r) => setTimeout(r, 20));
  }
  const denied = seen.flatMap((m) => (m.type === 'orders.denied' ? m.denials : []));
  assert.deepEqual(denied.map((d) => `${d.reason}: ${d.detail}`), []);
  const outcome = seen.find((m) => m.type === 'arb.outcome');
  assert.ok(outcome && outcome.type === 'arb.outcome', 'the group finished');
  assert.equal(outcome.outcome, 'completed');
  assert.ok(outcome.pnl.USDT! > 0, `realised ${outcome.pnl.USDT} USDT`);
  assert.ok(Math.abs(outcome.pnl.BTC!) < 1e-9, 'base nets out');
  assert.equal(a.ex.state.ordersOf(KEY.apiKey).length, 1);
  assert.equal(b.ex.state.ordersOf(KEY.apiKey).length, 1);
});
