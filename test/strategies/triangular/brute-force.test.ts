import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildMarkets, parseExchangeInfo, parseTickers, type SpotMarket } from '../../../actors/strategies/triangular/snapshot.js';
import { scanTriangular, TriangularScanner } from '../../../actors/strategies/triangular/scanner.js';

const tickers = parseTickers(JSON.parse(readFileSync('data/tickers/binance_24hr_2020-10-09T0205Z.json', 'utf8')), 'tickers');
const info = parseExchangeInfo(JSON.parse(readFileSync('data/markets/binance_exchangeInfo_2020-10-09T0204Z.json', 'utf8')), 'markets');
const markets = buildMarkets(tickers, info);

/**
 * Written separately from the scanner: every ordered triple of distinct currencies (x, y, z) with a
 * market between each consecutive pair, rate looked up by symbol string. Each directed cycle appears
 * three times (once per rotation); keyed by its rotation starting at the smallest currency.
 */
function bruteForce(ms: readonly SpotMarket[], fee: number): Map<string, number> {
  const bySymbol = new Map<string, SpotMarket>();
  const pair = new Map<string, string>();
  const currencies = new Set<string>();
  for (const m of ms) {
    if (pair.has(`${m.base}/${m.quote}`) || pair.has(`${m.quote}/${m.base}`)) continue;
    bySymbol.set(m.symbol, m);
    pair.set(`${m.base}/${m.quote}`, m.symbol);
    pair.set(`${m.quote}/${m.base}`, m.symbol);
    currencies.add(m.base);
    currencies.add(m.quote);
  }
  const rate = (from: string, to: string): number | undefined => {
    const s = pair.get(`${from}/${to}`);
    if (!s) return undefined;
    const m = bySymbol.get(s)!;
    return m.base === from ? m.bids[0]![0] : 1 / m.asks[0]![0];
  };
  const list = [...currencies];
  const out = new Map<string, number>();
  for (const x of list) for (const y of list) {
    if (y === x) continue;
    const r1 = rate(x, y);
    if (r1 === undefined) continue;
    for (const z of list) {
      if (z === x || z === y) continue;
      const r2 = rate(y, z);
      const r3 = rate(z, x);
      if (r2 === undefined || r3 === undefined) continue;
      const rot = [[x, y, z], [y, z, x], [z, x, y]].sort((a, b) => (a[0]! < b[0]! ? -1 : 1))[0]!;
      out.set(rot.join('>'), r1 * r2 * r3 * (1 - fee) ** 3);
    }
  }
  return out;
}

const key = (path: string[]): string => {
  const c = path.slice(0, 3);
  const i = c.indexOf([...c].sort()[0]!);
  return [...c.slice(i), ...c.slice(0, i)].join('>');
};

test('the real Binance snapshot: 815 live markets, 275 assets, every triangle found', () => {
  const all = bruteForce(markets, 0);
  const r = scanTriangular(markets, 0);
  assert.equal(r.markets, 815);
  assert.equal(r.cycles, all.size);
  assert.ok(r.triangles > 1000, `${r.triangles} triangles`);
});

for (const fee of [0, 0.0001, 0.00075, 0.001, -0.0004]) {
  test(`profitable cycles agree with brute force (fee ${fee})`, () => {
    // A negative fee is a maker rebate: it makes many cycles "profitable" and exercises the comparison.
    const expected = [...bruteForce(markets, fee)].filter(([, v]) => v > 1);
    const scanner = new TriangularScanner(markets, Math.max(fee, 0));
    const got = new Map<string, number>();
    const g = scanner.graph;
    const keep = (1 - fee) ** 3;
    for (let c = 0; c < g.cycleCount; c++) if (g.gross[c]! * keep > 1) got.set(key(g.cyclePath(c)), g.gross[c]! * keep);
    assert.deepEqual([...got.keys()].sort(), expected.map(([k]) => k).sort());
    for (const [k, v] of expected) assert.ok(Math.abs(got.get(k)! - v) < 1e-12, k);
    if (fee >= 0) {
      const listed = scanTriangular(markets, fee).opportunities.map((o) => key(o.path)).sort();
      assert.deepEqual(listed, expected.map(([k]) => k).sort());
    }
  });
}

test('with no fee the snapshot has profitable triangles, each sized and checked against the minimums', () => {
  const r = scanTriangular(markets, 0);
  assert.ok(r.opportunities.length > 0);
  for (const o of r.opportunities) {
    assert.equal(o.path[0], o.path[3]);
    assert.ok(o.netPct > 0 && o.maxSize > 0);
    if (o.executable) {
      for (const leg of o.legs) {
        const rules = info.get(leg.symbol)!.rules;
        assert.ok(leg.amount >= rules.minQty, `${leg.symbol} minQty`);
        assert.ok(leg.notional >= rules.minNotional, `${leg.symbol} minNotional`);
        const steps = leg.amount / rules.stepSize;
        assert.ok(Math.abs(steps - Math.round(steps)) < 1e-6, `${leg.symbol} amount ${leg.amount} on step ${rules.stepSize}`);
      }
      assert.ok(o.expectedProfit > 0);
    } else {
      assert.ok(o.reasons.length > 0);
    }
  }
});

test('without exchangeInfo, symbols are split on quote assets and the same triangles are found', () => {
  const bare = buildMarkets(tickers);
  const r = scanTriangular(bare, 0);
  assert.equal(r.triangles, scanTriangular(markets, 0).triangles);
  assert.ok(r.opportunities.every((o) => o.executable !== true));
});
