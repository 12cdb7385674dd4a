import { ATR } from 'trading-signals';
import type { Candle } from '../../market-data/types.js';
import { InputError } from '../../runtime/errors.js';
import type { SwingPoint } from '../swing-point.js';

/**
 * How far the close must move back from the running extreme to confirm it: a percentage of the extreme's price,
 * or a multiple of the ATR (Wilder's, from trading-signals) at the confirming bar.
 */
export type ZigzagThreshold = { kind: 'percent'; percent: number } | { kind: 'atr'; period: number; multiple: number };

interface Bar {
  index: number;
  ts: number;
  high: number;
  low: number;
}

/**
 * Zigzag pivots fed bar by bar. The running extreme (highest high while looking for a high, lowest low while
 * looking for a low) becomes a SwingPoint when a LATER bar closes at least the threshold away from it; that bar is
 * its `confirmedAt`. Swings alternate high/low; the running extreme is never reported. Before the first swing both
 * a high and a low are tracked and whichever is confirmed first starts the alternation (the earlier one if one close
 * confirms both). A single close can confirm two swings (a wick far past the running extreme, then the close back).
 */
export class Zigzag {
  readonly #threshold: ZigzagThreshold;
  readonly #atr: ATR | undefined;
  /** Bars after the last confirmed swing (all bars before the first): the next swings are read from these. */
  #bars: Bar[] = [];
  /** The highest high and lowest low among #bars (earliest on a tie), kept as bars arrive. */
  #high: Bar | undefined;
  #low: Bar | undefined;
  /** What the next swing will be; undefined until the first swing. */
  #seeking: 'high' | 'low' | undefined;
  #index = 0;
  readonly #swings: SwingPoint[] = [];

  constructor(threshold: ZigzagThreshold) {
    if (threshold.kind === 'percent' && !(threshold.percent > 0 && threshold.percent < 100)) {
      throw new InputError(`zigzag percent must be in (0, 100), got ${threshold.percent}`);
    }
    if (threshold.kind === 'atr') {
      if (!Number.isInteger(threshold.period) || threshold.period < 1) {
        throw new InputError(`zigzag ATR period must be a positive integer, got ${threshold.period}`);
      }
      if (!(threshold.multiple > 0)) throw new InputError(`zigzag ATR multiple must be > 0, got ${threshold.multiple}`);
    }
    this.#threshold = threshold;
    this.#atr = threshold.kind === 'atr' ? new ATR(threshold.period) : undefined;
  }

  /** Every swing confirmed so far, oldest first. */
  get swings(): readonly SwingPoint[] {
    return this.#swings;
  }

  /** Feed the next closed bar; returns the swings its close confirmed (usually none, at most two). */
  update(candle: Candle): SwingPoint[] {
    const index = this.#index++;
    const atr = this.#atr?.update({ high: candle.high, low: candle.low, close: candle.close }, false) ?? null;
    const bar = { index, ts: candle.ts, high: candle.high, low: candle.low };
    this.#bars.push(bar);
    if (this.#high === undefined || bar.high > this.#high.high) this.#high = bar;
    if (this.#low === undefined || bar.low < this.#low.low) this.#low = bar;
    const confirmed: SwingPoint[] = [];
    for (;;) {
      const next = this.#nextConfirmed(candle.close, index, atr);
      if (next === undefined) return confirmed;
      confirmed.push(next);
      this.#swings.push(next);
      this.#seeking = next.kind === 'high' ? 'low' : 'high';
      this.#bars = this.#bars.filter((b) => b.index > next.index);
      this.#high = extreme(this.#bars, 'high');
      this.#low = extreme(this.#bars, 'low');
    }
  }

  #nextConfirmed(close: number, index: number, atr: number | null): SwingPoint | undefined {
    const high = this.#seeking === 'low' ? undefined : this.#confirmable(this.#high, 'high', close, index, atr);
    const low = this.#seeking === 'high' ? undefined : this.#confirmable(this.#low, 'low', close, index, atr);
    if (high !== undefined && (low === undefined || high.index < low.index)) {
      return { index: high.index, ts: high.ts, price: high.high, kind: 'high', confirmedAt: index };
    }
    if (low === undefined) return undefined;
    return { index: low.index, ts: low.ts, price: low.low, kind: 'low', confirmedAt: index };
  }

  /** The running extreme if this close confirms it (it must be from an earlier bar). */
  #confirmable(bar: Bar | undefined, kind: 'high' | 'low', close: number, index: number, atr: number | null) {
    if (bar === undefined || bar.index >= index) return undefined;
    return this.#reversed(kind, kind === 'high' ? bar.high : bar.low, close, atr) ? bar : undefined;
  }

  #reversed(kind: 'high' | 'low', price: number, close: number, atr: number | null): boolean {
    let distance: number;
    if (this.#threshold.kind === 'percent') distance = (price * this.#threshold.percent) / 100;
    else if (atr === null) return false;
    else distance = atr * this.#threshold.multiple;
    return kind === 'high' ? close <= price - distance : close >= price + distance;
  }
}

/** The highest high or lowest low among the bars; the earliest on a tie. */
function extreme(bars: readonly Bar[], kind: 'high' | 'low'): Bar | undefined {
  let best: Bar | undefined;
  for (const bar of bars) {
    if (best === undefined || (kind === 'high' ? bar.high > best.high : bar.low < best.low)) best = bar;
  }
  return best;
}

/** Every swing a Zigzag confirms over the whole series (the same as feeding it bar by bar). */
export function zigzag(candles: readonly Candle[], threshold: ZigzagThreshold): SwingPoint[] {
  const detector = new Zigzag(threshold);
  for (const candle of candles) detector.update(candle);
  return [...detector.swings];
}
