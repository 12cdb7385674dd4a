import { InputError } from '../../runtime/errors.js';

/**
 * How a replay venue turns a market order into fills on recorded candles.
 * - fees: rates on notional (market orders pay taker);
 * - impact is per bar: `impact` is roughly a bar's volatility, so 1% participation costs impact × 0.1 (square-root law);
 * - slippage: half the spread plus a square-root volume impact, `impact * sqrt(filled / barVolume)`, as a fraction of price;
 *   when a recorded book is available the venue walks it instead (book-walk.ts);
 * - latency: the order reaches the venue `latencyMs` after the decision; inside a bar the price moves that fraction of
 *   the way from the open toward the adverse extreme (high for buys, low for sells);
 * - partial fills: at most `maxParticipation` of a bar's volume per bar; the rest waits for later bars and is
 *   cancelled after `maxBars` bars (market orders; limit orders rest until cancelled);
 * - limit orders fill at their price (or the open, if the bar gaps through it) with the maker fee, when the bar
 *   trades through the price by half a spread (queue position), or merely touches it with `limitOnTouch`.
 */
export interface FillModel {
  name: string;
  takerFee: number;
  makerFee: number;
  halfSpread: number;
  impact: number;
  latencyMs: number;
  maxParticipation: number;
  maxBars: number;
  limitOnTouch: boolean;
}

export const FILL_MODEL_NAMES = ['optimistic', 'default', 'pessimistic'] as const;
export type FillModelName = (typeof FILL_MODEL_NAMES)[number];

/**
 * The three presets for a given fee rate. `optimistic` is the reference semantics other backtesters use
 * (next bar's open, fee on notional, everything fills), so it is the backtest default.
 */
export function fillModel(name: FillModelName, fee: number): FillModel {
  if (!(fee >= 0 && fee < 1)) throw new InputError(`fee must be a rate in [0, 1), got ${fee}`);
  switch (name) {
    case 'optimistic':
      return { name, takerFee: fee, makerFee: fee, halfSpread: 0, impact: 0, latencyMs: 0, maxParticipation: Infinity, maxBars: Infinity, limitOnTouch: true };
    case 'default':
      return { name, takerFee: fee, makerFee: fee, halfSpread: 0.0005, impact: 0.01, latencyMs: 1_000, maxParticipation: 0.25, maxBars: 3, limitOnTouch: false };
    case 'pessimistic':
      return { name, takerFee: fee, makerFee: fee, halfSpread: 0.0015, impact: 0.03, latencyMs: 30_000, maxParticipation: 0.1, maxBars: 2, limitOnTouch: false };
  }
}

export function parseFillModelName(value: string): FillModelName {
  if ((FILL_MODEL_NAMES as readonly string[]).includes(value)) return value as FillModelName;
  throw new InputError(`unknown fill model "${value}"; expected one of ${FILL_MODEL_NAMES.join(', ')}`);
}
