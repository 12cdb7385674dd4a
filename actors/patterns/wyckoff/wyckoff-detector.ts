import type { Candle } from '../../market-data/types.js';
import { AccumulationTracker } from './accumulation-tracker.js';
import { mirrorCandle, toDistribution } from './mirror.js';
import type { WyckoffSchematic } from './schematic.js';
import { wyckoffParams, type WyckoffParams } from './thresholds.js';

/** Incremental Wyckoff detection for one market: an accumulation and a distribution reading, fed one closed bar at a time. */
export class WyckoffDetector {
  private readonly accumulation: AccumulationTracker;
  private readonly distribution: AccumulationTracker;

  constructor(overrides: Partial<WyckoffParams> = {}) {
    const params = wyckoffParams(overrides);
    this.accumulation = new AccumulationTracker(params);
    this.distribution = new AccumulationTracker(params);
  }

  /** The schematics that confirmed an event or failed at this bar (at most one of each name). */
  push(candle: Candle): WyckoffSchematic[] {
    const updates: WyckoffSchematic[] = [];
    const up = this.accumulation.step(candle);
    if (up) updates.push(up);
    const down = this.distribution.step(mirrorCandle(candle));
    if (down) updates.push(toDistribution(down));
    return updates;
  }
}

/** Every schematic over a series, as last seen (complete, failed or still forming), ordered by its climax bar. */
export function detectWyckoff(candles: readonly Candle[], overrides: Partial<WyckoffParams> = {}): WyckoffSchematic[] {
  const detector = new WyckoffDetector(overrides);
  const latest = new Map<string, WyckoffSchematic>();
  for (const candle of candles) {
    for (const s of detector.push(candle)) latest.set(`${s.name}:${climaxIndex(s)}`, s);
  }
  return [...latest.values()].sort((a, b) => climaxIndex(a) - climaxIndex(b) || a.name.localeCompare(b.name));
}

function climaxIndex(s: WyckoffSchematic): number {
  return s.events.find((e) => e.label === 'SC' || e.label === 'BC')!.index;
}
