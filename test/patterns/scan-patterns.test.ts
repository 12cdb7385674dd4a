import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { scanPatterns } from '../../actors/patterns/scan-patterns.js';
import { zigzag } from '../../actors/patterns/swings/zigzag.js';
import { findCorrections } from '../../actors/patterns/elliott/find-elliott.js';

const { candles } = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');
const { patterns, swings } = scanPatterns(candles);
const first = candles[0]!.ts;
const last = candles[candles.length - 1]!.ts;

test('the BTC week gives patterns of every family, each point inside the data and before its confirmation', () => {
  // Measured with the default 1 % zigzag: 277 swings; 17 harmonic, 79 Elliott, 97 Wyckoff.
  assert.equal(swings, zigzag(candles, { kind: 'percent', percent: 1 }).length);
  for (const family of ['harmonic', 'elliott', 'wyckoff']) assert.ok(patterns.some((p) => p.family === family), family);
  for (const p of patterns) {
    assert.ok(p.points.length >= 2, JSON.stringify(p));
    assert.ok(p.direction === 'bullish' || p.direction === 'bearish');
    assert.ok(Number.isFinite(p.invalidation));
    for (const q of p.points) {
      assert.ok(q.ts >= first && q.ts <= last, `${p.name} ${q.label} at ${q.ts}`);
      assert.ok(q.ts < p.confirmedAt, `${p.family} ${p.name}: ${q.label} not before its confirmation`);
    }
    assert.ok(p.confirmedAt <= last);
  }
});

test('patterns are sorted by confirmation time', () => {
  for (let i = 1; i < patterns.length; i++) assert.ok(patterns[i]!.confirmedAt >= patterns[i - 1]!.confirmedAt);
});

test('an ABC made of the first four points of a reported impulse is dropped, other ABCs are kept', () => {
  const key = (points: readonly { ts: number; price: number }[]) => points.map((q) => `${q.ts}:${q.price}`).join('|');
  const impulses = patterns.filter((p) => p.family === 'elliott' && p.name !== 'abc');
  const abcs = patterns.filter((p) => p.name === 'abc');
  assert.ok(impulses.length > 0 && abcs.length > 0);
  const starts = new Set(impulses.map((p) => key(p.points.slice(0, 4))));
  for (const p of abcs) assert.ok(!starts.has(key(p.points)), 'an impulse start reported as an ABC');
  const all = findCorrections(zigzag(candles, { kind: 'percent', percent: 1 }));
  const overlapping = all.filter((p) => starts.has(key(p.points)));
  assert.ok(overlapping.length > 0, 'the data has impulse starts that pass as ABCs');
  assert.equal(abcs.length, all.length - overlapping.length);
});

test('a wider zigzag gives fewer swings', () => {
  assert.ok(scanPatterns(candles, { zigzag: { kind: 'percent', percent: 3 } }).swings < swings);
});
