import type { Candle } from '../market-data/types.js';
import { checkAbc } from './elliott/check-abc.js';
import { checkImpulse } from './elliott/check-impulse.js';
import { harmonicsAtLastSwing } from './harmonic/detect-harmonic.js';
import { DEFAULT_TOLERANCE } from './harmonic/tolerance.js';
import { breaks, fromElliott, fromHarmonic, fromWyckoff, WYCKOFF_SIGNALS, wyckoffKey, type LivePattern } from './live-pattern.js';
import { DEFAULT_ZIGZAG } from './scan-patterns.js';
import type { SwingPoint } from './swing-point.js';
import { Zigzag, type ZigzagThreshold } from './swings/zigzag.js';
import type { WyckoffParams } from './wyckoff/thresholds.js';
import { WyckoffDetector } from './wyckoff/wyckoff-detector.js';

export interface PatternStreamOptions {
  /** The swings harmonic and Elliott patterns are read from; default 1 %. */
  zigzag?: ZigzagThreshold;
  /** Harmonic ratio tolerance; default 5 %. */
  tolerance?: number;
  wyckoff?: Partial<WyckoffParams>;
  /** A pattern neither broken nor re-announced is forgotten this many bars after it was detected; default 500. */
  maxAgeBars?: number;
}

/** What one bar changed: patterns that broke (announced earlier), then patterns it completed. */
export interface PatternChanges {
  detected: LivePattern[];
  invalidated: LivePattern[];
}

const NONE: PatternChanges = Object.freeze({ detected: [], invalidated: [] }) as PatternChanges;

/**
 * Every detector of one market, fed one closed bar at a time. A bar's close may confirm swings: the harmonic patterns
 * completing at each new swing, an impulse ending at it (the last six swings) and an ABC ending at it (the last four)
 * are detected. The Wyckoff detector sees every bar; a schematic reaching a Spring, SOS, UTAD or SOW is detected.
 * A pattern detected earlier is invalidated by a close past its level (see `breaks`), or when its Wyckoff schematic
 * fails; one older than `maxAgeBars` is dropped silently. Work per bar: a constant number of checks, none of them
 * over the history.
 */
export class PatternStream {
  readonly #zigzag: Zigzag;
  readonly #wyckoff: WyckoffDetector;
  readonly #tolerance: number;
  readonly #maxAgeBars: number;
  /** The last six confirmed swings (an impulse's window). */
  readonly #swings: SwingPoint[] = [];
  /** Patterns announced and not yet broken, with the bar they were detected at. */
  readonly #active = new Map<string, { pattern: LivePattern; bar: number; schematic?: string }>();
  /** Wyckoff signals already announced (a schematic is reported again at each later event), the newest 256. */
  readonly #announced = new Set<string>();
  #bar = 0;

  constructor(opts: PatternStreamOptions = {}) {
    this.#zigzag = new Zigzag(opts.zigzag ?? DEFAULT_ZIGZAG);
    this.#wyckoff = new WyckoffDetector(opts.wyckoff);
    this.#tolerance = opts.tolerance ?? DEFAULT_TOLERANCE;
    this.#maxAgeBars = opts.maxAgeBars ?? 500;
  }

  /** The patterns announced and still holding, oldest first. */
  get active(): LivePattern[] {
    return [...this.#active.values()].map((a) => a.pattern);
  }

  push(candle: Candle): PatternChanges {
    const bar = this.#bar++;
    const invalidated = this.#active.size > 0 ? this.#expire(candle.close, bar) : [];
    const detected: LivePattern[] = [];
    for (const swing of this.#zigzag.update(candle)) {
      this.#swings.push(swing);
      if (this.#swings.length > 6) this.#swings.shift();
      for (const h of harmonicsAtLastSwing(this.#swings.slice(-5), { tolerance: this.#tolerance })) detected.push(fromHarmonic(h));
      if (this.#swings.length === 6) {
        const impulse = checkImpulse(this.#swings);
        if (impulse.ok) detected.push(fromElliott(impulse.pattern));
      }
      if (this.#swings.length >= 4) {
        const abc = checkAbc(this.#swings.slice(-4));
        if (abc.ok) detected.push(fromElliott(abc.pattern));
      }
    }
    for (const s of this.#wyckoff.push(candle)) {
      const key = wyckoffKey(s);
      if (s.status === 'failed') {
        for (const [id, a] of this.#active) {
          if (a.schematic !== key) continue;
          this.#active.delete(id);
          invalidated.push(a.pattern);
        }
      } else if (WYCKOFF_SIGNALS.has(s.lastEvent)) {
        const p = fromWyckoff(s);
        if (this.#announced.has(p.patternId)) continue;
        this.#announced.add(p.patternId);
        if (this.#announced.size > 256) this.#announced.delete(this.#announced.values().next().value!);
        detected.push(p);
        this.#active.set(p.patternId, { pattern: p, bar, schematic: key });
      }
    }
    for (const p of detected) if (p.family !== 'wyckoff') this.#active.set(p.patternId, { pattern: p, bar });
    if (detected.length === 0 && invalidated.length === 0) return NONE;
    return { detected, invalidated };
  }

  /** Removes and returns the announced patterns this close breaks; forgets the ones too old to matter. */
  #expire(close: number, bar: number): LivePattern[] {
    const broken: LivePattern[] = [];
    for (const [id, a] of this.#active) {
      if (breaks(a.pattern, close)) {
        broken.push(a.pattern);
        this.#active.delete(id);
      } else if (bar - a.bar >= this.#maxAgeBars) {
        this.#active.delete(id);
      }
    }
    return broken;
  }
}
