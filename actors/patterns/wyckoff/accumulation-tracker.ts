import type { Candle } from '../../market-data/types.js';
import type { AccumulationLabel, WyckoffEvent, WyckoffFailure, WyckoffPhase, WyckoffSchematic } from './schematic.js';
import type { WyckoffParams } from './thresholds.js';
import { TrailingWindow, type Bar } from './trailing-window.js';

type Stage = 'climax' | 'rally' | 'range' | 'markup';

/** One schematic being read, in accumulation terms. */
interface Reading {
  stage: Stage;
  climax: Bar;
  preliminary: Bar | undefined;
  events: WyckoffEvent[];
  phase: WyckoffPhase;
  /** Highest bar since the climax (the AR candidate), then since the SOS. */
  peak: Bar;
  rangeLow: number;
  rangeHigh: number;
  invalidation: number;
  /** The lowest bar of a test under way, confirmed by a close above its high. */
  testCandidate: Bar | undefined;
  /** A break below the range: when it started, its lowest bar, and whether every bar below stayed under the climax volume. */
  breakStart: number | undefined;
  breakLow: Bar | undefined;
  breakQuiet: boolean;
  sos: Bar | undefined;
  /** The pullback after the SOS (the LPS candidate). */
  pullback: Bar | undefined;
  failure: WyckoffFailure | undefined;
  /** The bar whose close left the range upward in phase A: no range was built, the reading is dropped. */
  abandonedAt: number | undefined;
}

/**
 * Reads accumulation schematics bar by bar (distribution is this on mirrored prices). Each `step` uses only the
 * bars so far, so an event is reported from its confirming bar on; one schematic at a time, a new one is sought
 * after the last completes or fails. Rules and thresholds: docs/patterns.md § Wyckoff.
 */
export class AccumulationTracker {
  private readonly averages: TrailingWindow;
  private readonly recent: TrailingWindow;
  private reading: Reading | undefined;
  private index = 0;

  constructor(private readonly params: WyckoffParams) {
    this.averages = new TrailingWindow(params.averageBars);
    this.recent = new TrailingWindow(params.preliminaryLookbackBars);
  }

  /** The schematic as of this bar, if one got a new event or failed at it; `undefined` otherwise. */
  step(candle: Candle): WyckoffSchematic | undefined {
    const p = this.params;
    const full = this.averages.full;
    const meanVolume = full ? this.averages.meanVolume() : NaN;
    // Field by field: on node 20, `{ ...candle, index, highVolume }` made a full scan of the BTC week ~10× slower (docs/patterns.md § Speed).
    const { ts, open, high, low, close, volume } = candle;
    const bar: Bar = { ts, open, high, low, close, volume, index: this.index++, highVolume: full && volume >= p.preliminaryVolumeMultiple * meanVolume };
    const changed = this.advance(bar, meanVolume);
    const snapshot = changed && this.reading ? this.snapshot(this.reading) : undefined;
    if (this.reading && (this.reading.failure || this.reading.phase === 'E' || this.reading.abandonedAt !== undefined)) this.reading = undefined;
    this.averages.push(bar);
    this.recent.push(bar);
    return snapshot;
  }

  private advance(bar: Bar, meanVolume: number): boolean {
    const r = this.reading;
    if (!r) return this.seekClimax(bar, meanVolume);
    switch (r.stage) {
      case 'climax':
        return this.confirmClimax(r, bar, meanVolume);
      case 'rally':
        return this.confirmRally(r, bar, meanVolume);
      case 'range':
        return this.inRange(r, bar, meanVolume);
      case 'markup':
        return this.afterSignOfStrength(r, bar);
    }
  }

  /** SC: climax volume on a wide bar that makes a new N-bar low. */
  private seekClimax(bar: Bar, meanVolume: number): boolean {
    const p = this.params;
    if (!this.averages.full) return false;
    const climax =
      bar.volume >= p.climaxVolumeMultiple * meanVolume &&
      bar.high - bar.low >= p.wideRangeMultiple * this.averages.meanRange() &&
      bar.low < this.averages.lowestLow();
    if (!climax) return false;
    const preliminary = this.recent.latest(p.preliminaryLookbackBars, (b) => b.highVolume && b.close >= (b.high + b.low) / 2);
    this.reading = {
      stage: 'climax', climax: bar, preliminary, events: [], phase: 'A', peak: bar, rangeLow: bar.low, rangeHigh: bar.high,
      invalidation: bar.low, testCandidate: undefined, breakStart: undefined, breakLow: undefined, breakQuiet: true,
      sos: undefined, pullback: undefined, failure: undefined, abandonedAt: undefined,
    };
    return false;
  }

  /** The SC holds once a later bar closes above the climax bar's midpoint without a lower low first. */
  private confirmClimax(r: Reading, bar: Bar, meanVolume: number): boolean {
    if (bar.low < r.climax.low) {
      this.reading = undefined;
      return this.seekClimax(bar, meanVolume);
    }
    if (bar.close > (r.climax.high + r.climax.low) / 2) {
      if (r.preliminary) r.events.push(event('PS', r.preliminary, bar.index));
      r.events.push(event('SC', r.climax, bar.index));
      r.stage = 'rally';
      r.peak = bar;
    }
    return false;
  }

  /** The AR is the rally's high, confirmed once a close gives back `arConfirmRetrace` of it; it sets the range. */
  private confirmRally(r: Reading, bar: Bar, meanVolume: number): boolean {
    if (bar.low < r.climax.low) {
      this.reading = undefined;
      return this.seekClimax(bar, meanVolume);
    }
    // As with zigzag swings, the bar that sets the high cannot confirm it (its high and close have no known order).
    if (bar.high > r.peak.high) {
      r.peak = bar;
      return false;
    }
    const rally = r.peak.high - r.climax.low;
    if (bar.close > r.peak.high - this.params.arConfirmRetrace * rally) return false;
    r.events.push(event('AR', r.peak, bar.index));
    r.rangeHigh = r.peak.high;
    r.stage = 'range';
    return true;
  }

  private inRange(r: Reading, bar: Bar, meanVolume: number): boolean {
    const p = this.params;
    if (r.breakStart !== undefined || (bar.low < r.rangeLow && r.phase === 'B')) return this.springOrBreakdown(r, bar);
    if (bar.low < r.invalidation) return this.fail(r, bar, bar);
    if (bar.close > r.rangeHigh) {
      r.testCandidate = undefined;
      // In phase A no cause has been built (no ST): price left upward without a trading range, whatever the volume.
      if (r.phase === 'A') {
        r.abandonedAt = bar.index;
        return true;
      }
      if (bar.volume < p.sosVolumeMultiple * meanVolume) return false;
      r.events.push(event('SOS', bar, bar.index));
      r.phase = 'D';
      r.stage = 'markup';
      r.sos = bar;
      r.peak = bar;
      return true;
    }
    if (r.phase === 'C') return false;
    let changed = false;
    if (r.testCandidate && bar.close > r.testCandidate.high) {
      r.events.push(event('ST', r.testCandidate, bar.index));
      r.phase = 'B';
      r.testCandidate = undefined;
      changed = true;
    }
    const inZone = bar.low <= r.rangeLow + p.stZoneFraction * (r.rangeHigh - r.rangeLow);
    const quiet = bar.volume < p.testVolumeFraction * r.climax.volume;
    if (inZone && quiet && (!r.testCandidate || bar.low < r.testCandidate.low)) r.testCandidate = bar;
    return changed;
  }

  /** A break below the range in phase B: a Spring if it stayed quiet and a close came back inside in time, else a breakdown. */
  private springOrBreakdown(r: Reading, bar: Bar): boolean {
    const p = this.params;
    if (r.breakStart === undefined) {
      r.breakStart = bar.index;
      r.breakLow = bar;
      r.breakQuiet = true;
      r.testCandidate = undefined;
    }
    if (bar.low < r.breakLow!.low) r.breakLow = bar;
    if (bar.low < r.rangeLow && bar.volume >= p.testVolumeFraction * r.climax.volume) r.breakQuiet = false;
    if (bar.close > r.rangeLow) {
      const low = r.breakLow!;
      r.breakStart = undefined;
      r.breakLow = undefined;
      if (!r.breakQuiet) return false;
      r.events.push(event('Spring', low, bar.index));
      r.phase = 'C';
      r.invalidation = low.low;
      return true;
    }
    if (bar.index - r.breakStart < p.springMaxBarsToReclaim) return false;
    return this.fail(r, r.breakLow!, bar);
  }

  /** Phase D: the LPS is the pullback's low, confirmed by a close above the high before it; that close starts phase E. */
  private afterSignOfStrength(r: Reading, bar: Bar): boolean {
    const p = this.params;
    if (bar.low < r.invalidation) return this.fail(r, bar, bar);
    if (r.pullback && bar.close > r.peak.high) {
      const pullback = r.pullback;
      r.pullback = undefined;
      r.peak = bar;
      const holds = pullback.low >= r.rangeHigh - p.lpsMaxRetraceFraction * (r.rangeHigh - r.rangeLow);
      if (!holds || pullback.volume >= p.lpsVolumeFraction * r.sos!.volume) return false;
      r.events.push(event('LPS', pullback, bar.index));
      r.phase = 'E';
      return true;
    }
    if (bar.high > r.peak.high) {
      r.peak = bar;
      r.pullback = undefined;
    } else if (!r.pullback || bar.low < r.pullback.low) {
      r.pullback = bar;
    }
    return false;
  }

  private fail(r: Reading, extreme: Bar, confirming: Bar): boolean {
    r.failure = { kind: 'breakdown', index: extreme.index, ts: extreme.ts, price: extreme.low, confirmedAt: confirming.index };
    return true;
  }

  private snapshot(r: Reading): WyckoffSchematic {
    const events = r.events.map((e) => ({ ...e }));
    return {
      family: 'wyckoff',
      name: 'accumulation',
      lastEvent: events.at(-1)!.label,
      direction: 'bullish',
      events,
      range: { low: r.rangeLow, high: r.rangeHigh },
      phase: r.phase,
      invalidation: r.invalidation,
      status: r.failure ? 'failed' : r.abandonedAt !== undefined ? 'abandoned' : r.phase === 'E' ? 'complete' : 'forming',
      ...(r.failure ? { failure: { ...r.failure } } : {}),
      ...(r.abandonedAt !== undefined ? { abandonedAt: r.abandonedAt } : {}),
    };
  }
}

function event(label: AccumulationLabel, bar: Bar, confirmedAt: number): WyckoffEvent {
  return { label, index: bar.index, ts: bar.ts, price: label === 'AR' || label === 'SOS' ? bar.high : bar.low, confirmedAt };
}
