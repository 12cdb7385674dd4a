import type { Direction, PatternPoint } from '../swing-point.js';

/** Accumulation events (Pruden; Wyckoff Analytics): preliminary support, selling climax, automatic rally, secondary test, spring, sign of strength, last point of support. */
export type AccumulationLabel = 'PS' | 'SC' | 'AR' | 'ST' | 'Spring' | 'SOS' | 'LPS';
/** Distribution events: preliminary supply, buying climax, automatic reaction, secondary test, upthrust after distribution, sign of weakness, last point of supply. */
export type DistributionLabel = 'PSY' | 'BC' | 'AR' | 'ST' | 'UTAD' | 'SOW' | 'LPSY';
export type WyckoffLabel = AccumulationLabel | DistributionLabel;

/** A: stopping the prior trend (PS–ST); B: building the cause; C: the Spring / UTAD; D: SOS / SOW and LPS / LPSY; E: the trend out of the range. */
export type WyckoffPhase = 'A' | 'B' | 'C' | 'D' | 'E';

export interface WyckoffEvent extends PatternPoint {
  label: WyckoffLabel;
  /** Index of the event's bar in the candle series. */
  index: number;
  /** Index of the bar whose close confirmed it: the detector reports it only from then on. */
  confirmedAt: number;
}

/** How a schematic ended before its phase E: price left the range the wrong way (below it for accumulation). */
export interface WyckoffFailure {
  kind: 'breakdown' | 'breakout';
  /** The bar of the extreme beyond the range. */
  index: number;
  ts: number;
  price: number;
  confirmedAt: number;
}

export interface WyckoffSchematic {
  family: 'wyckoff';
  name: 'accumulation' | 'distribution';
  /** The latest confirmed event, e.g. 'Spring'. */
  lastEvent: WyckoffLabel;
  direction: Direction;
  /** In bar order; PS / PSY is optional. */
  events: WyckoffEvent[];
  /** The trading range: set by the climax and the AR. */
  range: { low: number; high: number };
  phase: WyckoffPhase;
  /** Accumulation: the Spring low, else the SC low. Distribution: the UTAD high, else the BC high. */
  invalidation: number;
  /**
   * 'forming' inside the range, 'complete' once phase E starts, 'failed' after a breakdown / breakout, 'abandoned' when
   * price closed out of the range the schematic's way in phase A, before any ST (no range was built).
   */
  status: 'forming' | 'complete' | 'failed' | 'abandoned';
  /** Index of the bar whose close abandoned it. */
  abandonedAt?: number;
  failure?: WyckoffFailure;
}
