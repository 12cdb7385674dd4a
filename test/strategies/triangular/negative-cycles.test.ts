import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { negativeCycles, type LongCycle } from '../../../actors/strategies/triangular/negative-cycles.js';
import { buildMarkets, parseExchangeInfo, parseTickers, type SpotMarket } from '../../../actors/strategies/triangular/snapshot.js';
import { scanTriangular } from '../../../actors/strategies/triangular/scanner.js';

const markets = buildMarkets(
  parseTickers(JSON.parse(readFileSync('data/tickers/binance_24hr_2020-10-09T0205Z.json', 'utf8')), 't'),
  parseExchangeInfo(JSON.parse(readFileSync('data/markets/binance_exchangeInfo_2020-10-09T0204Z.json', 'utf8')), 'm'),
);

/** Recomputes a reported cycle from the markets by symbol: it must chain and return more than it started with. */
function check(ms: readonly SpotMarket[], c: LongCycle, fee: number): number {
  let amount = 1;
  c.symbols.forEach((s, i) => {
    const m = ms.find((x) => x.symbol === s)!;
    const [from, to] = [c.path[i]!, c.path[i + 1]!];
    if (c.sides[i] === 'sell') {
      assert.deepEqual([m.base, m.quote], [from, to]);
      amount *= m.bids[0]![0] * (1 - fee);
    } else {
      assert.deepEqual([m.quote, m.base], [from, to]);
      amount *= (1 - fee) / m.asks[0]![0];
    }
  });
  assert.equal(c.path[0], c.path.at(-1));
  return amount;
}

test('real snapshot, no fee: every cycle the log-weight search reports is truly profitable', () => {
  const found = negativeCycles(markets, 0);
  assert.ok(found.length > 0);
  for (const c of found) {
    const r = check(markets, c, 0);
    assert.ok(r > 1, `${c.path.join('>')}: ${r}`);
    assert.ok(Math.abs((r - 1) * 100 - c.netPct) < 1e-9);
  }
  assert.deepEqual(negativeCycles(markets, 0.001), [], 'after 0.1% per leg nothing is left, as with triangles');
  assert.equal(scanTriangular(markets, 0.001).opportunities.length, 0);
});

test('a profitable 4-cycle with no profitable triangle is found', () => {
  const m = (symbol: string, base: string, quote: string, mid: number): SpotMarket => ({ symbol, base, quote, bids: [[mid * 0.9999, 1]], asks: [[mid * 1.0001, 1]] });
  const ms = [
    m('AB', 'A', 'B', 2), m('BC', 'B', 'C', 3), m('CD', 'C', 'D', 5),
    m('AD', 'A', 'D', 30 * 1.01), // A is 1% dearer in D than via B and C
  ];
  assert.equal(scanTriangular(ms, 0.001).triangles, 0);
  const [c, ...rest] = negativeCycles(ms, 0.001);
  assert.equal(rest.length, 0);
  assert.equal(c!.symbols.length, 4);
  assert.ok(check(ms, c!, 0.001) > 1);
  assert.ok(c!.netPct > 0.5 && c!.netPct < 1);
});
