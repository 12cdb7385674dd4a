/**
 * A small market-regime classifier over recent closes. Volatility is the RMS of the last VOL_WINDOW log returns;
 * it is `high-volatility` above HIGH_VOL_RATIO × its own median over the last VOL_HISTORY bars. Otherwise the trend
 * is the change of the SMA(SMA_WINDOW) of closes over SLOPE_BARS bars: `trending-up` / `trending-down` when it moved
 * more than TREND_K noise units (volatility × √SLOPE_BARS) that way, else `ranging`.
 */
export const REGIMES = ['trending-up', 'trending-down', 'ranging', 'high-volatility'] as const;
export type Regime = (typeof REGIMES)[number];

export const VOL_WINDOW = 20;
export const VOL_HISTORY = 100;
export const HIGH_VOL_RATIO = 1.5;
export const SMA_WINDOW = 20;
export const SLOPE_BARS = 10;
export const TREND_K = 0.5;

/** Closes the classifier reads: VOL_HISTORY volatilities, each over VOL_WINDOW returns. */
export const REGIME_BARS = VOL_WINDOW + VOL_HISTORY;

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function sma(closes: readonly number[], end: number): number {
  let sum = 0;
  for (let i = end - SMA_WINDOW; i < end; i++) sum += closes[i]!;
  return sum / SMA_WINDOW;
}

/** The regime at the last of `closes` (oldest first), or null with fewer than REGIME_BARS of them. */
export function classifyRegime(closes: readonly number[]): Regime | null {
  if (closes.length < REGIME_BARS) return null;
  const from = closes.length - REGIME_BARS;
  const squared: number[] = [];
  for (let i = from + 1; i < closes.length; i++) squared.push(Math.log(closes[i]! / closes[i - 1]!) ** 2);
  // squared.length = REGIME_BARS - 1: the volatility at each of the last VOL_HISTORY bars.
  const vols: number[] = [];
  let sum = 0;
  for (let i = 0; i < squared.length; i++) {
    sum += squared[i]!;
    if (i >= VOL_WINDOW) sum -= squared[i - VOL_WINDOW]!;
    if (i >= VOL_WINDOW - 1) vols.push(Math.sqrt(Math.max(0, sum) / VOL_WINDOW));
  }
  const vol = vols[vols.length - 1]!;
  if (vol > HIGH_VOL_RATIO * median(vols)) return 'high-volatility';
  const move = Math.log(sma(closes, closes.length) / sma(closes, closes.length - SLOPE_BARS));
  const noise = vol * Math.sqrt(SLOPE_BARS);
  if (move > TREND_K * noise) return 'trending-up';
  if (move < -TREND_K * noise) return 'trending-down';
  return 'ranging';
}
