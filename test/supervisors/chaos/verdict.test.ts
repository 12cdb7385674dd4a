import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SystemClock } from '../../../actors/runtime/clock.js';
import { hostLocalExchanges } from '../../../actors/venues/local-exchange/hosted-exchanges.js';
import { attachLocalExchanges } from '../../../actors/venues/local-exchange/attached-exchanges.js';
import { compareWithVenues, type JournalView } from '../../../supervisors/cluster/compare-with-venues.js';
import { exchangeLog } from '../../../supervisors/chaos/exchange-logs.js';
import { limitBreaches } from '../../../supervisors/chaos/limit-breaches.js';

test("the exchange's own log names orders and fills as the ccxt client reported them; what the journal lacks is counted", async () => {
  const clock = new SystemClock();
  const hosted = await hostLocalExchanges(clock, [{ id: 'solo', symbols: ['BTCUSDT'], balances: { USDT: 50_000, BTC: 2 } }], 1, 0);
  const attached = await attachLocalExchanges(hosted.endpoints, clock, { retries: 0 });
  try {
    const venue = attached.venues['solo']!;
    assert.equal(venue.inProcess, false, 'orders on an exchange another process hosts outlive this one');
    assert.deepEqual(attached.markets['solo']!.map((m) => m.symbol), ['BTCUSDT']);
    const bought = await venue.createOrder({ clientOrderId: 'i1.0', symbol: 'BTC/USDT', side: 'buy', type: 'market', amount: 0.01 });
    const resting = await venue.createOrder({ clientOrderId: 'i2.0', symbol: 'BTC/USDT', side: 'buy', type: 'limit', amount: 0.01, price: 9_000 });
    const reported = [bought, resting];
    const all = reported.flatMap((o) => o.fills);
    assert.ok(all.length > 0, 'the market order filled');
    const journal: JournalView = {
      node: 'solo',
      orders: reported.map((o) => ({ clientOrderId: o.clientOrderId, intentId: o.clientOrderId.split('.')[0]!, status: o.status === 'closed' ? 'filled' : 'submitted', filled: o.filled })),
      fills: all.map((f) => ({ fillId: f.fillId, clientOrderId: f.clientOrderId })),
      intents: [{ intentId: 'i1', amount: 0.01 }, { intentId: 'i2', amount: 0.01 }],
    };
    const { log, fills } = exchangeLog('solo', hosted.exchanges['solo']!, hosted.endpoints['solo']!.apiKey);
    assert.equal(fills.length, all.length);
    const clean = compareWithVenues([journal], [log]);
    assert.deepEqual([clean.lost, clean.duplicated, clean.untrackedFills, clean.unreconciled], [0, 0, 0, 0], clean.examples.join('\n'));

    const missingFill = compareWithVenues([{ ...journal, fills: journal.fills.slice(1) }], [log]);
    assert.equal(missingFill.untrackedFills, 1);
    assert.equal(missingFill.firstOrder, 'i1.0');
    const missingOrder = compareWithVenues([{ ...journal, orders: journal.orders.slice(0, 1) }], [log]);
    assert.equal(missingOrder.lost, 1);
    const stillOpen = compareWithVenues([{ ...journal, orders: journal.orders.map((o) => ({ ...o, status: 'unknown', filled: 0 })) }], [log]);
    assert.equal(stillOpen.unreconciled, 1, 'the filled order is still unknown in the journal; the resting one is open on both sides');
  } finally {
    await attached.close();
    await hosted.close();
  }
});

test('limit breaches: the net position over venues, at each fill, against maxPositionFraction × capital', () => {
  const fill = (venue: string, side: 'buy' | 'sell', amount: number, ts: number) => ({ venue, symbol: 'ETH/USDT', side, amount, price: 350, ts, clientOrderId: `o${ts}` });
  // Capital 2,000 at 10 %: 200 USDT, 0.571 ETH.
  const hedged = [fill('a', 'buy', 0.5, 1), fill('b', 'sell', 0.5, 2), fill('a', 'buy', 0.5, 3)];
  assert.equal(limitBreaches(hedged, 2_000, 0.1).count, 0, 'legs on two venues net out');
  const piled = [fill('a', 'sell', 0.3, 1), fill('a', 'sell', 0.3, 2), fill('a', 'buy', 0.3, 3), fill('a', 'sell', 0.4, 4)];
  const b = limitBreaches(piled, 2_000, 0.1);
  assert.equal(b.count, 2);
  assert.equal(b.firstOrder, 'o2');
  assert.match(b.first!, /ETH\/USDT position -0\.6/);
  const drift = [fill('a', 'buy', 0.55, 1), { ...fill('a', 'sell', 0.05, 2), price: 450 }];
  assert.equal(limitBreaches(drift, 2_000, 0.1).count, 0, 'a long worth more after the price rose, sold down a little, passed no limit by a fill');
});
