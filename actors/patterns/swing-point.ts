/** A confirmed turning point of a price series: every price pattern (harmonic, Elliott, Wyckoff) is read off these. */
export interface SwingPoint {
  /** Index of the bar in the candle series. */
  index: number;
  /** Open time of that bar, epoch ms. */
  ts: number;
  /** The bar's high for a swing high, its low for a swing low. */
  price: number;
  kind: 'high' | 'low';
  /** Index of the bar whose close confirmed it (the detector knew of it only from then on: no look-ahead). */
  confirmedAt: number;
}

/** Which way a pattern points. */
export type Direction = 'bullish' | 'bearish';

/** A labelled point of a detected pattern (X, A, B, C, D; 1–5; A, B, C; SC, AR, ST, …). */
export interface PatternPoint {
  label: string;
  ts: number;
  price: number;
}
