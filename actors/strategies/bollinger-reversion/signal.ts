import { BollingerBands } from 'trading-signals';
import type { LongFlatSignal, SignalStep } from '../../../machines/long-flat.signal.js';

/**
 * bollinger-reversion: wants long when bar t's close is below the lower Bollinger band of the closes up to t, and
 * flat when it is above the middle band (for a position bought below the lower band, its cross back above the
 * middle). In between it has no opinion. The bands come from trading-signals over the window kept in the state.
 */
export type BollingerParams = {
  period: number;
  stdDevs: number;
};

/** The last `period` closes up to the last bar, oldest first (fewer until that many were seen). */
export type BollingerState = {
  closes: readonly number[];
};

export const initialBollingerState: BollingerState = { closes: [] };

/** Lower, middle and upper band over `closes` (exactly one window), or null while the window is short. */
export function bollingerBands(closes: readonly number[], p: BollingerParams): { lower: number; middle: number; upper: number } | null {
  const bands = new BollingerBands(p.period, p.stdDevs);
  bands.updates(closes);
  return bands.getResult();
}

export function stepBollinger(state: BollingerState, close: number, p: BollingerParams): SignalStep<BollingerState> {
  const kept = state.closes.slice(Math.max(0, state.closes.length - p.period + 1));
  const closes = [...kept, close];
  const bands = bollingerBands(closes, p);
  const want = bands === null ? undefined : close < bands.lower ? 'long' : close > bands.middle ? 'flat' : undefined;
  return { state: { closes }, want };
}

export const bollingerReversionSignal: LongFlatSignal<BollingerState, BollingerParams> = { initial: initialBollingerState, step: stepBollinger };
