import type { SymbolBar } from '../../market-data/types.js';

/**
 * The trailing closes of several markets, one row per step, as a strategy sees them bar by bar. A market without a
 * bar in a step keeps its last close (a return of 0 there); steps before every market has had a bar are not kept.
 * Plain JSON, so it persists with the machine's snapshot. Pure.
 */
export interface WindowCloses {
  /** Last close per market, null before its first bar. */
  last: (number | null)[];
  /** The kept rows, oldest first, at most `keep` of them. */
  rows: number[][];
}

export function emptyWindow(markets: number): WindowCloses {
  return { last: new Array<number | null>(markets).fill(null), rows: [] };
}

/** Adds one step's bars (those of `symbols`); `keep` bounds the rows held. Returns whether any own market had a bar. */
export function addStep(w: WindowCloses, symbols: readonly string[], bars: readonly SymbolBar[], keep: number): { window: WindowCloses; own: boolean } {
  const last = w.last.slice();
  let own = false;
  for (const { symbol, candle } of bars) {
    const i = symbols.indexOf(symbol);
    if (i < 0) continue;
    last[i] = candle.close;
    own = true;
  }
  if (!own) return { window: w, own };
  if (last.some((c) => c === null)) return { window: { last, rows: w.rows }, own };
  const rows = w.rows.length >= keep ? w.rows.slice(w.rows.length - keep + 1) : w.rows.slice();
  rows.push(last as number[]);
  return { window: { last, rows }, own };
}

/** Whether `addStep` with these bars would add a row (an own market has a bar, and every market then has a close), without building it. */
export function completesRow(w: WindowCloses, symbols: readonly string[], bars: readonly SymbolBar[]): boolean {
  let own = false;
  const has = w.last.map((c) => c !== null);
  for (const { symbol } of bars) {
    const i = symbols.indexOf(symbol);
    if (i < 0) continue;
    has[i] = true;
    own = true;
  }
  return own && has.every(Boolean);
}

/** Log returns between consecutive rows: row t, market i. */
export function logReturns(w: WindowCloses): number[][] {
  const out: number[][] = [];
  for (let t = 1; t < w.rows.length; t++) out.push(w.rows[t]!.map((c, i) => Math.log(c / w.rows[t - 1]![i]!)));
  return out;
}
