import type { Candle, Side } from '../../market-data/types.js';
import type { FillModel } from './fill-model.js';

export interface CandleFill {
  price: number;
  amount: number;
  fee: number;
}

/**
 * The fill a market order gets in one bar under a fill model, or undefined when nothing fills.
 * `remaining` is the amount still to fill; `arrivalTs` is when the order reaches the venue
 * (decision time + latency). The bar must not open before the order was decided: the caller ensures it.
 */
export function fillOnCandle(model: FillModel, side: Side, remaining: number, bar: Candle, timeframeMs: number, arrivalTs: number): CandleFill | undefined {
  if (remaining <= 0) return undefined;
  const cap = Number.isFinite(model.maxParticipation) ? model.maxParticipation * bar.volume : Infinity;
  const amount = Math.min(remaining, cap);
  if (!(amount > 0)) return undefined;
  const into = timeframeMs > 0 ? Math.min(1, Math.max(0, (arrivalTs - bar.ts) / timeframeMs)) : 0;
  const base = side === 'buy' ? bar.open + into * (bar.high - bar.open) : bar.open - into * (bar.open - bar.low);
  const participation = bar.volume > 0 ? amount / bar.volume : 0;
  const slip = model.halfSpread + model.impact * Math.sqrt(participation);
  const price = side === 'buy' ? base * (1 + slip) : base * (1 - slip);
  return { price, amount, fee: price * amount * model.takerFee };
}

/** A resting limit order's fill in one bar (maker fee, at most `maxParticipation` of the bar), or undefined. */
export function fillLimitOnCandle(model: FillModel, side: Side, remaining: number, limit: number, bar: Candle): CandleFill | undefined {
  // Without touch fills the bar must trade through the limit by half a spread: a proxy for queue position.
  const through = model.limitOnTouch ? 0 : model.halfSpread;
  const reached = side === 'buy'
    ? model.limitOnTouch ? bar.low <= limit : bar.low < limit * (1 - through)
    : model.limitOnTouch ? bar.high >= limit : bar.high > limit * (1 + through);
  if (!reached || remaining <= 0) return undefined;
  const cap = Number.isFinite(model.maxParticipation) ? model.maxParticipation * bar.volume : Infinity;
  const amount = Math.min(remaining, cap);
  if (!(amount > 0)) return undefined;
  const price = side === 'buy' ? Math.min(limit, bar.open) : Math.max(limit, bar.open);
  return { price, amount, fee: price * amount * model.makerFee };
}
