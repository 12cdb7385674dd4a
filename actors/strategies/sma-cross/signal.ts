/**
 * sma-cross signal logic, pure and incremental, shared by the machine and the reference loop.
 * Enter when fast SMA > slow SMA on bar t and, at the last earlier bar where they differed, fast < slow.
 * Exit on the opposite cross. Bars where the SMAs are equal leave the last sign unchanged.
 * Valid parameters (fast < slow, both positive integers): `smaCrossParams` in ./params.ts.
 */
export interface SmaCrossParams {
  fast: number;
  slow: number;
}

export interface SmaState {
  /** The last `slow` closes, oldest first. */
  readonly window: readonly number[];
  /** Sign of (fast - slow) at the last bar where they differed; 0 before any. */
  readonly lastSign: -1 | 0 | 1;
}

export type Cross = 'up' | 'down' | null;

export const initialSmaState: SmaState = { window: [], lastSign: 0 };

function average(xs: readonly number[], from: number): number {
  let s = 0;
  for (let i = from; i < xs.length; i++) s += xs[i]!;
  return s / (xs.length - from);
}

/** SMAs over the window, or undefined until `slow` closes have been seen. */
export function smas(state: SmaState, p: SmaCrossParams): { fast: number; slow: number } | undefined {
  if (state.window.length < p.slow) return undefined;
  return { fast: average(state.window, state.window.length - p.fast), slow: average(state.window, 0) };
}

/** Adds a close and reports whether this bar crossed. Returns a new state; the old one is untouched. */
export function stepSma(state: SmaState, close: number, p: SmaCrossParams): { state: SmaState; cross: Cross } {
  const window = state.window.length < p.slow ? [...state.window, close] : [...state.window.slice(1), close];
  const next: SmaState = { window, lastSign: state.lastSign };
  const m = smas(next, p);
  if (m === undefined || m.fast === m.slow) return { state: next, cross: null };
  const sign: 1 | -1 = m.fast > m.slow ? 1 : -1;
  const cross: Cross = sign === 1 && state.lastSign === -1 ? 'up' : sign === -1 && state.lastSign === 1 ? 'down' : null;
  return { state: { window, lastSign: sign }, cross };
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
