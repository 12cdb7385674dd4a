import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Candle } from '../../actors/market-data/types.js';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { PatternStream } from '../../actors/patterns/pattern-stream.js';
import type { LivePattern } from '../../actors/patterns/live-pattern.js';
import { scanPatterns } from '../../actors/patterns/scan-patterns.js';
import { ACCUMULATION, candles as accumulationCandles, PARAMS } from './wyckoff/accumulation.js';

const MIN = 60_000;
/** One flat bar per price (high = low = close): with the 1 % zigzag each price is a swing, confirmed by the next bar. */
const flat = (prices: readonly number[], from = 0): Candle[] => prices.map((p, i) => ({ ts: (from + i) * MIN, open: p, high: p, low: p, close: p, volume: 1 }));

function run(stream: PatternStream, bars: readonly Candle[]): { detected: Map<string, { p: LivePattern; ts: number }>; invalidated: Map<string, number> } {
  const detected = new Map<string, { p: LivePattern; ts: number }>();
  const invalidated = new Map<string, number>();
  for (const c of bars) {
    const changes = stream.push(c);
    for (const p of changes.detected) detected.set(p.patternId, { p, ts: c.ts });
    for (const p of changes.invalidated) invalidated.set(p.patternId, c.ts);
  }
  return { detected, invalidated };
}

// X 100, A 200, B 138.2 (XAB 0.618), C 169.1 (ABC 0.5), D 121.4 (XAD 0.786, BCD 1.544): a bullish Gartley, D confirmed
// by the close at 125 (≥ 121.4 × 1.01). PRZ: XAD 0.786 ± 5 % puts D in [200 − 82.53, 200 − 74.67] = [117.47, 125.33]; the BC
// projection 1.13–1.618 widened by 5 % allows [116.60, 135.93]; their intersection's low, 117.47, is the invalidation.
const GARTLEY = [100, 200, 138.2, 169.1, 121.4, 125];

test('a Gartley completes when D is confirmed, and is invalidated only by a close below the PRZ low', () => {
  const stream = new PatternStream();
  const first = run(stream, flat(GARTLEY));
  const gartley = [...first.detected.values()].find((d) => d.p.name === 'gartley');
  assert.ok(gartley, 'gartley detected');
  assert.equal(gartley.ts, 5 * MIN, 'on the bar that confirmed D');
  assert.equal(gartley.p.direction, 'bullish');
  assert.deepEqual(gartley.p.points.map((q) => `${q.label}${q.price}`), ['X100', 'A200', 'B138.2', 'C169.1', 'D121.4']);
  assert.ok(Math.abs(gartley.p.invalidation - (200 - 100 * 0.786 * 1.05)) < 1e-9, String(gartley.p.invalidation));
  assert.ok(Math.abs(gartley.p.ratios.xab! - 0.618) < 1e-9);
  // The last four swings (200, 138.2, 169.1, 121.4) are a falling ABC: it implies the rise resuming, and fails below C.
  const abc = [...first.detected.values()].find((d) => d.p.name === 'abc');
  assert.ok(abc);
  assert.equal(abc.p.direction, 'bullish');
  assert.equal(abc.p.invalidation, 121.4);

  const second = run(stream, flat([121.4, 117.47], 6));
  assert.ok(second.invalidated.has(abc.p.patternId), 'the ABC breaks at a close below C');
  assert.ok(!second.invalidated.has(gartley.p.patternId), 'a close on the PRZ low is not below it');
  const third = run(stream, flat([117.4], 8));
  assert.equal(third.invalidated.get(gartley.p.patternId), 8 * MIN);
  assert.ok(!stream.active.some((p) => p.patternId === gartley.p.patternId));
  const fourth = run(stream, flat([100], 9));
  assert.ok(!fourth.invalidated.has(gartley.p.patternId), 'an invalidation is announced once');
});

test('a pattern older than maxAgeBars is forgotten without an invalidation', () => {
  const stream = new PatternStream({ maxAgeBars: 3 });
  const { detected } = run(stream, flat(GARTLEY));
  const id = [...detected.values()].find((d) => d.p.name === 'gartley')!.p.patternId;
  // Three quiet bars inside every band (no new swing: within 1 % of 125), then a close far below the PRZ.
  const later = run(stream, flat([124.5, 124.2, 124.4, 110], 6));
  assert.ok(!later.invalidated.has(id));
  assert.ok(!stream.active.some((p) => p.patternId === id));
});

test("the constructed accumulation announces its Spring and SOS when they are confirmed; a close under the Spring low breaks both", () => {
  const stream = new PatternStream({ wyckoff: PARAMS });
  const bars = accumulationCandles(ACCUMULATION);
  const { detected } = run(stream, bars);
  const wyckoff = [...detected.values()].filter((d) => d.p.family === 'wyckoff');
  assert.deepEqual(wyckoff.map((d) => [d.p.name, d.ts / MIN, d.p.direction, d.p.invalidation]), [
    ['spring', 17, 'bullish', 98],
    ['sos', 19, 'bullish', 98],
  ]);
  assert.deepEqual(wyckoff[1]!.p.points.map((q) => q.label), ['PS', 'SC', 'AR', 'ST', 'Spring', 'SOS']);
  const last = bars[bars.length - 1]!;
  const after = run(stream, [{ ts: last.ts + MIN, open: 108, high: 108, low: 97, close: 97.5, volume: 100 }]);
  for (const d of wyckoff) assert.ok(after.invalidated.has(d.p.patternId), d.p.name);
});

test('on the BTC week the stream announces every harmonic and Elliott pattern the full scan finds, at the same bar', () => {
  const { candles } = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');
  const { detected } = run(new PatternStream(), candles);
  const key = (family: string, name: string, points: readonly { ts: number; price: number }[], ts: number) => `${family}:${name}:${points.map((q) => `${q.ts}@${q.price}`).join(',')}:${ts}`;
  const streamed = new Set([...detected.values()].map((d) => key(d.p.family, d.p.name, d.p.points, d.ts)));
  const scanned = scanPatterns(candles).patterns.filter((p) => p.family !== 'wyckoff');
  assert.ok(scanned.length > 50, `${scanned.length} scanned`);
  for (const p of scanned) assert.ok(streamed.has(key(p.family, p.name, p.points, p.confirmedAt)), `${p.family} ${p.name} at ${p.confirmedAt}`);
  // Beyond them, the stream announces only the ABCs the scan drops as the first four points of a later impulse.
  const extra = [...detected.values()].filter((d) => d.p.family !== 'wyckoff').length - scanned.length;
  const dropped = [...detected.values()].filter((d) => d.p.name === 'abc').length - scanned.filter((p) => p.name === 'abc').length;
  assert.equal(extra, dropped);
  // An Elliott signal points against the way its waves went.
  const elliott = scanned.filter((p) => p.family === 'elliott');
  for (const d of [...detected.values()].filter((x) => x.p.family === 'elliott')) {
    const same = elliott.find((p) => key(p.family, p.name, p.points, p.confirmedAt) === key(d.p.family, d.p.name, d.p.points, d.ts));
    if (same) assert.notEqual(same.direction, d.p.direction);
  }
});
