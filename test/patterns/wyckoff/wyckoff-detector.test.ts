import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Candle } from '../../../actors/market-data/types.js';
import { ACCUMULATION, candles, PARAMS, type Row } from './accumulation.js';
import { InputError } from '../../../actors/runtime/errors.js';
import type { WyckoffSchematic } from '../../../actors/patterns/wyckoff/schematic.js';
import { detectWyckoff, WyckoffDetector } from '../../../actors/patterns/wyckoff/wyckoff-detector.js';

/** The accumulation rows with some bars replaced. */
function variant(changes: Record<number, Row>): Candle[] {
  return candles(ACCUMULATION.map((row, i) => changes[i] ?? row));
}

function only(found: WyckoffSchematic[], name: WyckoffSchematic['name']): WyckoffSchematic | undefined {
  const of = found.filter((s) => s.name === name);
  assert.ok(of.length <= 1, `one ${name} at most, got ${of.length}`);
  return of[0];
}

function labels(s: WyckoffSchematic | undefined): string[] {
  return s?.events.map((e) => `${e.label}@${e.index}/${e.confirmedAt}`) ?? [];
}

describe('Wyckoff accumulation', () => {
  it('reads PS, SC, AR, ST, Spring, SOS, LPS in order, each from its confirming bar, through phases A–E', () => {
    const found = detectWyckoff(candles(ACCUMULATION), PARAMS);
    assert.equal(found.length, 1, 'no distribution in this series');
    const s = found[0]!;
    assert.deepEqual(labels(s), ['PS@5/7', 'SC@6/7', 'AR@8/9', 'ST@11/12', 'Spring@16/17', 'SOS@19/19', 'LPS@21/22']);
    assert.deepEqual(s.events.map((e) => e.price), [104, 99, 106, 100, 98, 107.5, 104.8]);
    assert.equal(s.events[4]!.ts, 16 * 60_000);
    assert.deepEqual(
      { name: s.name, lastEvent: s.lastEvent, direction: s.direction, range: s.range, phase: s.phase, status: s.status },
      { name: 'accumulation', lastEvent: 'LPS', direction: 'bullish', range: { low: 99, high: 106 }, phase: 'E', status: 'complete' },
    );
    assert.equal(s.invalidation, 98, 'the spring low');
    assert.equal(s.failure, undefined);
  });

  it('moves through the phases bar by bar', () => {
    const detector = new WyckoffDetector(PARAMS);
    const phases: string[] = [];
    candles(ACCUMULATION).forEach((c, i) => {
      for (const s of detector.push(c)) phases.push(`${i}:${s.phase}:${s.lastEvent}`);
    });
    assert.deepEqual(phases, ['9:A:AR', '12:B:ST', '17:C:Spring', '19:D:SOS', '22:E:LPS']);
  });

  it('knows nothing before its confirming bar: every prefix reports exactly the events confirmed so far', () => {
    const all = candles(ACCUMULATION);
    const full = detectWyckoff(all, PARAMS)[0]!;
    for (let k = 1; k <= all.length; k++) {
      const seen = detectWyckoff(all.slice(0, k), PARAMS)[0];
      const expected = full.events.filter((e) => e.confirmedAt < k);
      assert.deepEqual(seen?.events ?? [], expected.length >= 3 ? expected : [], `prefix of ${k} bars`);
    }
  });

  it('holds with the default 20-bar averages after 15 more leading bars of the same decline', () => {
    const lead: Row[] = Array.from({ length: 15 }, (_, j) => {
      const k = 15 - j;
      return [110.5 + k, 111 + k, 109 + k, 109.5 + k, 100];
    });
    const s = only(detectWyckoff(candles([...lead, ...ACCUMULATION])), 'accumulation');
    assert.deepEqual(labels(s), ['PS@20/22', 'SC@21/22', 'AR@23/24', 'ST@26/27', 'Spring@31/32', 'SOS@34/34', 'LPS@36/37']);
  });
});

describe('Wyckoff distribution (the accumulation mirrored: price p becomes 210 − p)', () => {
  const mirrored: Row[] = ACCUMULATION.map(([o, h, l, c, v]) => [210 - o, 210 - l, 210 - h, 210 - c, v]);

  it('reads PSY, BC, AR, ST, UTAD, SOW, LPSY at the same bars, prices reflected', () => {
    const found = detectWyckoff(candles(mirrored), PARAMS);
    assert.equal(found.length, 1);
    const s = found[0]!;
    assert.deepEqual(labels(s), ['PSY@5/7', 'BC@6/7', 'AR@8/9', 'ST@11/12', 'UTAD@16/17', 'SOW@19/19', 'LPSY@21/22']);
    // PSY, BC, ST, UTAD and LPSY are highs (210 − the accumulation's lows); AR and SOW are lows.
    assert.deepEqual(s.events.map((e) => e.price), [106, 111, 104, 110, 112, 102.5, 105.2]);
    assert.deepEqual(
      { name: s.name, lastEvent: s.lastEvent, direction: s.direction, range: s.range, phase: s.phase, invalidation: s.invalidation },
      { name: 'distribution', lastEvent: 'LPSY', direction: 'bearish', range: { low: 104, high: 111 }, phase: 'E', invalidation: 112 },
    );
  });
});

describe('Wyckoff near miss: a "spring" on climax volume that stays below the range is a breakdown', () => {
  it('reports the breakdown at the third bar still below, and no Spring', () => {
    const found = detectWyckoff(
      variant({
        16: [101.2, 101.5, 98, 98.6, 300], // breaks 99 on the climax's own volume
        17: [98.6, 98.9, 97.5, 98, 200],
        18: [98, 98.8, 97, 97.5, 180],
        19: [97.5, 98.5, 96.8, 97, 150], // 19 − 16 = 3 bars and still no close above 99
        20: [97, 97.5, 96, 96.5, 140],
        21: [96.5, 97, 95.5, 96, 130],
        22: [96, 96.5, 95, 95.5, 120],
      }),
      PARAMS,
    );
    const s = only(found, 'accumulation')!;
    assert.deepEqual(labels(s), ['PS@5/7', 'SC@6/7', 'AR@8/9', 'ST@11/12']);
    assert.equal(s.status, 'failed');
    assert.deepEqual(s.failure, { kind: 'breakdown', index: 19, ts: 19 * 60_000, price: 96.8, confirmedAt: 19 });
  });
});

describe('Wyckoff thresholds at their edges', () => {
  const accumulation = (changes: Record<number, Row>) => only(detectWyckoff(variant(changes), PARAMS), 'accumulation');

  it('climax volume: exactly 2 × the 5-bar average (224) is a climax, just under is not', () => {
    assert.equal(accumulation({ 6: [105, 105, 99, 101, 224] })?.events[1]?.label, 'SC');
    assert.equal(accumulation({ 6: [105, 105, 99, 101, 223.9] }), undefined);
  });

  it('wide range: exactly 1.5 × the 2.0 average range (3) is wide, 2.99 is not', () => {
    assert.equal(accumulation({ 6: [101.5, 102, 99, 101, 300] })?.events[1]?.label, 'SC');
    assert.equal(accumulation({ 6: [101.5, 101.99, 99, 101, 300] }), undefined);
  });

  it('AR: a close at exactly 104.25 (a quarter of the rally given back) confirms it; 104.26 waits a bar', () => {
    assert.equal(accumulation({ 9: [105.5, 105.8, 103, 104.25, 120] })?.events[2]?.confirmedAt, 9);
    assert.equal(accumulation({ 9: [105.5, 105.8, 103, 104.26, 120] })?.events[2]?.confirmedAt, 10);
  });

  it('AR: the bar that sets the rally high cannot confirm it, however far it closes back; the next close does', () => {
    // Bar 9 makes a new high 106.5 and closes 103.5, under 106.5 − 0.25 × 7.5 = 104.625: the AR is bar 9, confirmed at 10.
    const s = accumulation({ 9: [105.5, 106.5, 103, 103.5, 120] })!;
    assert.deepEqual(s.events[2], { label: 'AR', index: 9, ts: 9 * 60_000, price: 106.5, confirmedAt: 10 });
    assert.equal(s.range.high, 106.5);
  });

  it('phase A: a close above the AR before any ST, loud or quiet, is no SOS: no range was built, the schematic is abandoned', () => {
    // Bar 10 closes at 107 > 106 on 400 ≥ 1.5 × 182 (bars 5–9): a sign of strength in phase B or C, not in phase A.
    for (const volume of [400, 100]) {
      const s = accumulation({ 10: [103.5, 107.5, 103, 107, volume] })!;
      assert.deepEqual([labels(s), s.status, s.abandonedAt, s.phase], [['PS@5/7', 'SC@6/7', 'AR@8/9'], 'abandoned', 10, 'A']);
    }
  });

  it('ST zone: a low at exactly 100.75 tests, 100.76 does not (and the break at 16 then ends phase A as a breakdown)', () => {
    assert.equal(accumulation({ 11: [102, 102.5, 100.75, 100.9, 140] })?.events[3]?.label, 'ST');
    const missed = accumulation({ 11: [102, 102.5, 100.76, 100.9, 140] })!;
    assert.deepEqual(labels(missed), ['PS@5/7', 'SC@6/7', 'AR@8/9']);
    assert.deepEqual(missed.failure, { kind: 'breakdown', index: 16, ts: 16 * 60_000, price: 98, confirmedAt: 16 });
  });

  it('ST volume: 299 (below the climax 300) tests, 300 does not', () => {
    assert.equal(accumulation({ 11: [102, 102.5, 100, 100.5, 299] })?.events[3]?.label, 'ST');
    assert.equal(accumulation({ 11: [102, 102.5, 100, 100.5, 300] })?.events.some((e) => e.label === 'ST'), false);
  });

  it('Spring volume: 299.99 springs; 300 (the climax volume) closing back inside is no Spring and no breakdown', () => {
    assert.equal(accumulation({ 16: [101.2, 101.5, 98, 98.6, 299.99] })?.events[4]?.label, 'Spring');
    const loud = accumulation({ 16: [101.2, 101.5, 98, 98.6, 300] })!;
    assert.equal(loud.events.some((e) => e.label === 'Spring'), false);
    assert.equal(loud.failure, undefined);
    assert.equal(loud.invalidation, 99, 'still the SC low');
  });

  it('Spring reclaim: a close back inside 3 bars after the break springs; still below then is a breakdown', () => {
    const below = { 17: [98.6, 98.9, 98.2, 98.5, 120] as Row, 18: [98.5, 98.9, 98.3, 98.7, 110] as Row };
    const sprung = accumulation({ ...below, 19: [98.7, 99.8, 98.4, 99.5, 120] })!;
    assert.ok(labels(sprung).includes('Spring@16/19'), labels(sprung).join(' '));
    const broken = accumulation({ ...below, 19: [98.7, 99, 98.4, 98.9, 120] })!;
    assert.equal(broken.events.some((e) => e.label === 'Spring'), false);
    assert.deepEqual(broken.failure, { kind: 'breakdown', index: 16, ts: 16 * 60_000, price: 98, confirmedAt: 19 });
  });

  it('SOS volume: exactly 1.5 × 118 = 177 is a sign of strength, 176.9 is not', () => {
    assert.equal(accumulation({ 19: [102.8, 107.5, 102.6, 107, 177] })?.events[5]?.label, 'SOS');
    assert.equal(accumulation({ 19: [102.8, 107.5, 102.6, 107, 176.9] })?.lastEvent, 'Spring');
  });

  it('LPS depth: a pullback to exactly 102.5 (half the range under its high) holds, 102.49 does not', () => {
    assert.equal(accumulation({ 21: [106, 106.5, 102.5, 103, 110] })?.lastEvent, 'LPS');
    const deep = accumulation({ 21: [106, 106.5, 102.49, 103, 110] })!;
    assert.deepEqual([deep.lastEvent, deep.phase, deep.status], ['SOS', 'D', 'forming']);
  });

  it('LPS volume: a pullback on the SOS volume (260) is no LPS', () => {
    assert.equal(accumulation({ 21: [106, 106.5, 104.8, 105.2, 260] })?.lastEvent, 'SOS');
  });

  it('rejects a bad threshold, naming it', () => {
    assert.throws(() => new WyckoffDetector({ averageBars: 0 }), (e: unknown) => e instanceof InputError && /wyckoff\.averageBars/.test(e.message));
    assert.throws(() => new WyckoffDetector({ springMaxBarsToReclaim: 1.5 }), InputError);
  });
});
