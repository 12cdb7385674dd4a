import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createActor } from 'xstate';
import { createLegRiskMachine, type LegRiskEmitted } from '../../../machines/leg-risk.machine.js';
import { triangularPlanner } from '../../../actors/strategies/triangular/triangular-planner.js';
import { buildMarkets, parseExchangeInfo, parseTickers } from '../../../actors/strategies/triangular/snapshot.js';
import { scanTriangular } from '../../../actors/strategies/triangular/scanner.js';

const markets = buildMarkets(
  parseTickers(JSON.parse(readFileSync('data/tickers/binance_24hr_2020-10-09T0205Z.json', 'utf8')), 't'),
  parseExchangeInfo(JSON.parse(readFileSync('data/markets/binance_exchangeInfo_2020-10-09T0204Z.json', 'utf8')), 'm'),
);

test('a book update that opens a triangle on the real graph becomes one three-leg plan sent to risk', () => {
  const fee = 0.00075;
  assert.equal(scanTriangular(markets, fee).opportunities.length, 0, 'the snapshot itself has nothing after fees');
  const machine = createLegRiskMachine(triangularPlanner({ strategy: 'tri', venue: 'binance', markets, fee, minNetReturn: 0.0001 }));
  const actor = createActor(machine, { input: { strategy: 'tri', groupId: '', legs: [], deadlineMs: 1000, hedgeDeadlineMs: 1000, policy: 'unwind', repeat: true } });
  const out: LegRiskEmitted[] = [];
  actor.on('*', (e) => out.push(e as LegRiskEmitted));
  actor.start();
  const eth = markets.find((m) => m.symbol === 'ETHUSDT')!;
  // another venue's book is ignored
  actor.send({ type: 'book.updated', book: { venue: 'other', symbol: 'ETH/USDT', ts: 0, bids: [[eth.bids[0]![0] * 1.01, 50]], asks: eth.asks } });
  assert.equal(out.length, 0);
  for (const sym of ['ETHBTC', 'BTCUSDT']) {
    const m = markets.find((x) => x.symbol === sym)!;
    actor.send({ type: 'book.updated', book: { venue: 'binance', symbol: `${m.base}/${m.quote}`, ts: 0, bids: m.bids, asks: m.asks } });
  }
  assert.equal(out.length, 0);
  // ETH bid jumps 1%: buying ETH through BTC and selling it for USDT now pays after three fees
  actor.send({ type: 'book.updated', book: { venue: 'binance', symbol: 'ETH/USDT', ts: 0, bids: [[Math.round(eth.bids[0]![0] * 1.01 * 100) / 100, 50]], asks: [[eth.asks[0]![0] * 1.011, 50]] } });
  assert.deepEqual(out.map((e) => e.type === 'order.intents' && e.allOrNone), [true], 'the three legs go to risk as one all-or-none batch');
  const intents = out.flatMap((e) => (e.type === 'order.intents' ? e.intents : []));
  assert.equal(intents.length, 3);
  assert.ok(intents.some((i) => i.symbol === 'ETH/USDT' && i.side === 'sell'));
  assert.ok(intents.every((i) => i.legGroup === 'tri-1' && i.venue === 'binance' && i.amount > 0 && i.expectedProfit! >= 0.0001));
  const [s0, s1, s2] = intents.map((i) => i.symbol.split('/'));
  assert.ok(s0 && s1 && s2);
});
