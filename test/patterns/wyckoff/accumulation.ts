import type { Candle } from '../../../actors/market-data/types.js';

export type Row = [open: number, high: number, low: number, close: number, volume: number];

/** N = 5 keeps the listing short; every other threshold is the default (k = 2, wide = 1.5, ST zone 1/4, reclaim ≤ 3 bars, …). */
export const PARAMS = { averageBars: 5 };

/**
 * A constructed accumulation. Worked numbers (averages are over the 5 bars before):
 * - 5 PS: volume 160 ≥ 1.5 × 100, closes in the upper half of its bar.
 * - 6 SC: volume 300 ≥ 2 × 112 (bars 1–5: 4 × 100 + 160), range 6 ≥ 1.5 × 2, low 99 under the 5-bar low 104.
 *   Confirmed at 7: close 102.5 > the SC bar's midpoint 102.
 * - 8 AR: the rally's high 106; confirmed at 9: close 103.5 ≤ 106 − 0.25 × (106 − 99) = 104.25. Range [99, 106].
 * - 11 ST: low 100 within 99 + 0.25 × 7 = 100.75, volume 140 < 300; confirmed at 12 (close 102.6 > its high 102.5): phase B.
 * - 16 Spring: low 98 < 99 on 150 < 300, bar 17 (120) also below; 17 closes 100.2 back inside, 1 bar later: phase C.
 * - 19 SOS: close 107 > 106 on 260 ≥ 1.5 × 118 (bars 14–18: 100, 90, 150, 120, 130): phase D.
 * - 21 LPS: the pullback's low 104.8 ≥ 106 − 0.5 × 7 = 102.5 on 110 < 260; 22 closes 108.2 above the SOS high 107.5: phase E.
 */
export const ACCUMULATION: Row[] = [
  [110, 111, 109, 109.5, 100], // 0
  [109.5, 110, 108, 108.5, 100],
  [108.5, 109, 107, 107.5, 100],
  [107.5, 108, 106, 106.5, 100],
  [106.5, 107, 105, 105.5, 100],
  [105.5, 106, 104, 105.2, 160], // 5 PS
  [105, 105, 99, 101, 300], // 6 SC
  [101, 103, 100.5, 102.5, 180],
  [102.5, 106, 102, 105.5, 150], // 8 AR
  [105.5, 105.8, 103, 103.5, 120],
  [103.5, 104, 101.5, 102, 110], // 10
  [102, 102.5, 100, 100.5, 140], // 11 ST
  [100.5, 102.8, 101, 102.6, 100],
  [102.6, 104.5, 102.4, 104, 110],
  [104, 104.5, 102, 102.5, 100],
  [102.5, 103, 100.8, 101.2, 90], // 15
  [101.2, 101.5, 98, 98.6, 150], // 16 Spring
  [98.6, 100.5, 98.4, 100.2, 120],
  [100.2, 103, 100, 102.8, 130],
  [102.8, 107.5, 102.6, 107, 260], // 19 SOS
  [107, 107.2, 105.5, 106, 140], // 20
  [106, 106.5, 104.8, 105.2, 110], // 21 LPS
  [105.2, 108.5, 105, 108.2, 200],
];

export function candles(rows: readonly Row[]): Candle[] {
  return rows.map(([open, high, low, close, volume], i) => ({ ts: i * 60_000, open, high, low, close, volume }));
}
