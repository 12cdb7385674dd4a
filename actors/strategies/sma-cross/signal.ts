import type { LongFlatSignal } from '../../../machines/long-flat.signal.js';

/**
 * sma-cross signal logic, pure and incremental, shared by the machine and the reference loop.
 * Enter when fast SMA > slow SMA on bar t and, at the last earlier bar where they differed, fast < slow.
 * Exit on the opposite cross. Bars where the SMAs are equal leave the last sign unchanged.
 * Valid parameters (fast < slow, both positive integers): `smaCrossParams` in ./params.ts.
 */
export type SmaCrossParams = {
  fast: number;
  slow: number;
};

export type SmaState = {
  /**
   * Closes, oldest first; this state's window is the last `slow` of `closes[0, seen)`. The array is shared with
   * the states that follow and only ever appended to past `seen`, so a state is still immutable where it looks.
   */
  readonly closes: readonly number[];
  readonly seen: number;
  /** Sign of (fast - slow) at the last bar where they differed; 0 before any. */
  readonly lastSign: -1 | 0 | 1;
};

export type Cross = 'up' | 'down' | null;

export const initialSmaState: SmaState = Object.freeze({ closes: Object.freeze([]), seen: 0, lastSign: 0 });

/** Past this many closes the next step starts a fresh array holding just the window (amortised O(1) a bar). */
const COMPACT_AT = 1_024;

function average(xs: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += xs[i]!;
  return s / (to - from);
}

/** The closes in this state's window (the last `slow` seen), oldest first. */
export function smaWindow(state: SmaState, slow: number): number[] {
  return state.closes.slice(Math.max(0, state.seen - slow), state.seen);
}

/** SMAs over the window, or undefined until `slow` closes have been seen. */
export function smas(state: SmaState, p: SmaCrossParams): { fast: number; slow: number } | undefined {
  if (state.seen < p.slow) return undefined;
  return { fast: average(state.closes, state.seen - p.fast, state.seen), slow: average(state.closes, state.seen - p.slow, state.seen) };
}

/** The closes array with `close` after this state's window: appended in place when nobody has appended past it. */
function append(state: SmaState, close: number, slow: number): number[] {
  const shared = state.closes as number[];
  if (state.seen > 0 && shared.length === state.seen && state.seen < COMPACT_AT) {
    shared.push(close);
    return shared;
  }
  const fresh = shared.slice(Math.max(0, state.seen - slow + 1), state.seen);
  fresh.push(close);
  return fresh;
}

/** Adds a close and reports whether this bar crossed. Returns a new state; the old one reads the same as before. */
export function stepSma(state: SmaState, close: number, p: SmaCrossParams): { state: SmaState; cross: Cross } {
  const closes = append(state, close, p.slow);
  const next: SmaState = { closes, seen: closes.length, lastSign: state.lastSign };
  const m = smas(next, p);
  if (m === undefined || m.fast === m.slow) return { state: next, cross: null };
  const sign: 1 | -1 = m.fast > m.slow ? 1 : -1;
  const cross: Cross = sign === 1 && state.lastSign === -1 ? 'up' : sign === -1 && state.lastSign === 1 ? 'down' : null;
  return { state: { closes, seen: next.seen, lastSign: sign }, cross };
}

/** Crosses for a whole close series (reference for tests and the plain-loop floor). */
export function crossSeries(closes: readonly number[], p: SmaCrossParams): Cross[] {
  let state = initialSmaState;
  return closes.map((c) => {
    const r = stepSma(state, c, p);
    state = r.state;
    return r.cross;
  });
}

/** The long/flat decision (machines/long-flat.signal.ts): long on a cross up, flat on a cross down, no opinion otherwise. */
export const smaCrossSignal: LongFlatSignal<SmaState, SmaCrossParams> = {
  initial: initialSmaState,
  step(state, close, p) {
    const { state: next, cross } = stepSma(state, close, p);
    return { state: next, want: cross === 'up' ? 'long' : cross === 'down' ? 'flat' : undefined };
  },
};
