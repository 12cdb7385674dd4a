import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TriangleGraph } from '../../../actors/strategies/triangular/triangle-graph.js';
import { sizeCycle } from '../../../actors/strategies/triangular/cycle-sizing.js';
import { TriangularScanner } from '../../../actors/strategies/triangular/scanner.js';

const markets = [
  { symbol: 'ETHBTC', base: 'ETH', quote: 'BTC' },
  { symbol: 'BTCUSDT', base: 'BTC', quote: 'USDT' },
  { symbol: 'ETHUSDT', base: 'ETH', quote: 'USDT' },
  { symbol: 'BNBBTC', base: 'BNB', quote: 'BTC' },
  { symbol: 'BNBETH', base: 'BNB', quote: 'ETH' },
  { symbol: 'BNBUSDT', base: 'BNB', quote: 'USDT' },
  { symbol: 'XRPBNB', base: 'XRP', quote: 'BNB' },
];

test('incremental updates leave every cycle exactly as a full re-evaluation would', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: markets.length - 1 }), fc.double({ min: 0.5, max: 2, noNaN: true }), fc.double({ min: 0, max: 0.02, noNaN: true })), { minLength: 1, maxLength: 60 }),
      (updates) => {
        const inc = new TriangleGraph(markets, 0.001);
        const full = new TriangleGraph(markets, 0.001);
        for (const [m, mid, spread] of updates) {
          inc.updateQuote(m, mid * (1 - spread), mid * (1 + spread));
          full.rates[m * 2] = mid * (1 - spread);
          full.rates[m * 2 + 1] = 1 / (mid * (1 + spread));
        }
        full.evaluateAll();
        assert.deepEqual(inc.profitableIds(), full.profitableIds());
        assert.equal(inc.profitableCycles, full.profitableCycles);
        for (let c = 0; c < full.cycleCount; c++) {
          // cycles never touched keep 0 in the incremental graph; touched ones must match exactly
          if (inc.gross[c] !== 0) assert.equal(inc.gross[c], full.gross[c]);
        }
      },
    ),
  );
});

test('a 4-asset complete graph plus a pendant market has 4 triangles; an update touches only its own cycles', () => {
  const g = new TriangleGraph(markets, 0);
  assert.equal(g.cycleCount, 8);
  assert.equal(g.updateQuote(6, 1, 1), 0, 'XRPBNB is in no triangle');
  assert.equal(g.cyclesThrough(0).length, 4, 'ETHBTC is in two triangles, both directions');
});

test('a mispriced triangle is found, sized on the thinnest leg, and reported from USDT', () => {
  const s = new TriangularScanner(
    [
      { symbol: 'BTCUSDT', base: 'BTC', quote: 'USDT', bids: [[10000, 1]], asks: [[10001, 1]] },
      { symbol: 'ETHBTC', base: 'ETH', quote: 'BTC', bids: [[0.0330, 50]], asks: [[0.0331, 50]] },
      { symbol: 'ETHUSDT', base: 'ETH', quote: 'USDT', bids: [[340, 2]], asks: [[340.1, 2]] },
    ],
    0.001,
  );
  const [o, ...rest] = s.opportunities();
  assert.equal(rest.length, 0);
  assert.deepEqual(o!.path, ['USDT', 'BTC', 'ETH', 'USDT']);
  // 10001 USDT -> 1 BTC -> 30.21 ETH -> but only 2 ETH bid: size bound by ETHUSDT depth
  const btcNeeded = 2 / 0.999 / 0.999 * 0.0331;
  assert.ok(Math.abs(o!.maxSize - btcNeeded * 10001) < 1e-6, `${o!.maxSize}`);
  assert.equal(o!.executable, null);
  assert.ok(o!.expectedProfit > 0);
  assert.equal(s.applyBook('ETHUSDT', [[330, 2]], [[330.1, 2]]).length, 0, 'repriced: no longer profitable');
});

test('sizing walks the depth: the last unit bought is still profitable, the next is not', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.double({ min: 0.9, max: 1.1, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true })), { minLength: 1, maxLength: 5 }),
      fc.array(fc.tuple(fc.double({ min: 0.9, max: 1.1, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true })), { minLength: 1, maxLength: 5 }),
      (a, b) => {
        const asks = [...a].sort((x, y) => x[0] - y[0]) as [number, number][];
        const bids = [...b].sort((x, y) => y[0] - x[0]) as [number, number][];
        // two legs: buy X with Q on asks, sell X for Q on bids (a degenerate "cycle" that checks the walk)
        const legs = [
          { symbol: 'XQ', buy: true, levels: asks },
          { symbol: 'XQ2', buy: false, levels: bids },
        ];
        const r = sizeCycle(legs, 0);
        const simulate = (s: number) => {
          let left = s; let base = 0;
          for (const [p, q] of asks) { const t = Math.min(q, left / p); base += t; left -= t * p; }
          let out = 0; let rem = base;
          for (const [p, q] of bids) { const t = Math.min(q, rem); out += t * p; rem -= t; }
          return out - s;
        };
        const best = simulate(r.maxSize);
        for (const k of [0.5, 0.9, 0.99, 1.01, 1.1, 2]) assert.ok(simulate(r.maxSize * k) <= best + 1e-9, `size ${r.maxSize * k} beats ${r.maxSize}`);
        if (r.maxSize === 0) assert.ok(bids[0]![0] <= asks[0]![0] + 1e-12);
      },
    ),
  );
});
