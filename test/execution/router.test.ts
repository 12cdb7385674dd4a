import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankRoutes, routeCost, routeOrder } from '../../actors/execution/router.js';
import { sampleBook, scaled } from './real-books.js';

const real = sampleBook('gateio', 'BTC_USDC');

test('same book, different fees: the cheaper fee wins', () => {
  const r = rankRoutes(
    [
      { venue: 'a', book: scaled(real, 'a', 1), takerFee: 0.002, latencyMs: 50 },
      { venue: 'b', book: scaled(real, 'b', 1), takerFee: 0.001, latencyMs: 50 },
    ],
    'buy', 0.05,
  );
  assert.equal(r.best?.venue, 'b');
  assert.ok(r.ranked[0]!.feeCost < r.ranked[1]!.feeCost);
});

test('fee against depth: a small order goes to the low-fee thin venue, a large one to the deep venue', () => {
  const candidates = [
    { venue: 'thin', book: scaled(real, 'thin', 0.05), takerFee: 0.0005, latencyMs: 50 },
    { venue: 'deep', book: scaled(real, 'deep', 1), takerFee: 0.002, latencyMs: 50 },
  ];
  assert.equal(rankRoutes(candidates, 'buy', 0.001).best?.venue, 'thin');
  const large = rankRoutes(candidates, 'buy', 0.4);
  assert.equal(large.best?.venue, 'deep');
  const thin = large.ranked.find((c) => c.venue === 'thin')!;
  const deep = large.ranked.find((c) => c.venue === 'deep')!;
  assert.ok(thin.slippageCost > deep.slippageCost);
  assert.ok(thin.feeCost < deep.feeCost);
});

test('timing cost: latency × volatility can outweigh a fee advantage', () => {
  const candidates = [
    { venue: 'far', book: scaled(real, 'far', 1), takerFee: 0.001, latencyMs: 4_000 },
    { venue: 'near', book: scaled(real, 'near', 1), takerFee: 0.0015, latencyMs: 10 },
  ];
  assert.equal(rankRoutes(candidates, 'sell', 0.01, 0).best?.venue, 'far');
  const volatile = rankRoutes(candidates, 'sell', 0.01, 0.001);
  assert.equal(volatile.best?.venue, 'near');
  const far = routeCost(candidates[0]!, 'sell', 0.01, 0.001);
  assert.ok(Math.abs(far.timingCost - far.mid * 0.01 * 0.001 * 2) < 1e-9);
  assert.ok(Math.abs(far.totalCost - (far.feeCost + far.slippageCost + far.timingCost)) < 1e-12);
});

test('a venue that cannot fill the whole amount ranks after those that can', () => {
  const r = rankRoutes(
    [
      { venue: 'tiny', book: scaled(real, 'tiny', 0.001), takerFee: 0, latencyMs: 0 },
      { venue: 'full', book: real, takerFee: 0.003, latencyMs: 0 },
    ],
    'buy', 0.2,
  );
  assert.equal(r.best?.venue, 'full');
  assert.equal(r.ranked[1]?.complete, false);
});

test('routeOrder picks a venue id from an approval-shaped order and per-venue books', () => {
  const venue = routeOrder(
    { intent: { symbol: 'BTC/USDC', side: 'buy' }, amount: 0.4 },
    {
      venues: { thin: { taker: 0.0005 }, deep: { taker: 0.002 }, nobook: { taker: 0 } },
      books: { 'thin:BTC/USDC': scaled(real, 'thin', 0.05), 'deep:BTC/USDC': real },
    },
  );
  assert.equal(venue, 'deep');
  assert.equal(routeOrder({ intent: { symbol: 'X/Y', side: 'buy' }, amount: 1 }, { venues: { a: { taker: 0 } }, books: {} }), undefined);
});

test('splitRoute spreads a large order over venues and costs no more than the best single venue', async () => {
  const { splitRoute } = await import('../../actors/execution/route-split.js');
  const candidates = [
    { venue: 'thin', book: scaled(real, 'thin', 0.05), takerFee: 0.0005, latencyMs: 50 },
    { venue: 'deep', book: scaled(real, 'deep', 1), takerFee: 0.002, latencyMs: 50 },
  ];
  for (const side of ['buy', 'sell'] as const) {
    const amount = 0.4;
    const split = splitRoute(candidates, side, amount);
    assert.ok(Math.abs(split.filled - amount) < 1e-9);
    assert.equal(split.legs.length, 2, `${side}: both venues used`);
    const single = rankRoutes(candidates, side, amount).best!;
    const singleAllIn = single.allInPrice * amount;
    if (side === 'buy') assert.ok(split.allInCost <= singleAllIn + 1e-9, `${split.allInCost} > ${singleAllIn}`);
    else assert.ok(split.allInCost >= singleAllIn - 1e-9, `${split.allInCost} < ${singleAllIn}`);
  }
  // A small order stays on one venue.
  assert.equal(splitRoute(candidates, 'buy', 0.001).legs.length, 1);
});
