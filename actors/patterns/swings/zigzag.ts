import { ATR } from 'trading-signals';
import type { Candle } from '../../market-data/types.js';
import { InputError } from '../../runtime/errors.js';
import type { SwingPoint } from '../swing-point.js';

/**
 * How far the close must move back from the running extreme to confirm it: a percentage of the extreme's price,
 * or a multiple of the ATR (Wilder's, from trading-signals) at the confirming bar.
 */
export type ZigzagThreshold =
  | { kind: 'percent'; percent: number }
  | { kind: 'atr'; period: number; multiple: number };

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
    this.#bars.push({ index, ts: candle.ts, high: candle.high, low: candle.low });
    const confirmed: SwingPoint[] = [];
    for (;;) {
      const next = this.#nextConfirmed(candle.close, index, atr);
      if (next === undefined) return confirmed;
      confirmed.push(next);
      this.#swings.push(next);
      this.#seeking = next.kind === 'high' ? 'low' : 'high';
      this.#bars = this.#bars.filter((b) => b.index > next.index);
    }
  }

  #nextConfirmed(close: number, index: number, atr: number | null): SwingPoint | undefined {
    const high = this.#seeking === 'low' ? undefined : extreme(this.#bars, 'high');
    const low = this.#seeking === 'high' ? undefined : extreme(this.#bars, 'low');
    const candidates = [high, low]
      .filter((c): c is { bar: Bar; kind: 'high' | 'low' } => c !== undefined && c.bar.index < index)
      .filter((c) => this.#reversed(c.kind, c.kind === 'high' ? c.bar.high : c.bar.low, close, atr))
      .sort((a, b) => a.bar.index - b.bar.index);
    const first = candidates[0];
    if (first === undefined) return undefined;
    const price = first.kind === 'high' ? first.bar.high : first.bar.low;
    return { index: first.bar.index, ts: first.bar.ts, price, kind: first.kind, confirmedAt: index };
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
function extreme(bars: readonly Bar[], kind: 'high' | 'low'): { bar: Bar; kind: 'high' | 'low' } | undefined {
  let best: Bar | undefined;
  for (const bar of bars) {
    if (best === undefined || (kind === 'high' ? bar.high > best.high : bar.low < best.low)) best = bar;
  }
  return best === undefined ? undefined : { bar: best, kind };
}

/** Every swing a Zigzag confirms over the whole series (the same as feeding it bar by bar). */
export function zigzag(candles: readonly Candle[], threshold: ZigzagThreshold): SwingPoint[] {
  const detector = new Zigzag(threshold);
  for (const candle of candles) detector.update(candle);
  return [...detector.swings];
}
