import type { BookLevel, Side } from '../market-data/types.js';

export interface SizingInput {
  /** Account value in quote currency. */
  accountValue: number;
  /** Fraction of the account risked if the stop is hit (0.01 = 1%). */
  riskPerTrade: number;
  /** Distance to the stop as a fraction of price (0.02 = 2%). */
  stopLossDistance: number;
  price: number;
  side: Side;
  /** The book side the order takes: asks for a buy, bids for a sell. Omit to skip the liquidity cap. */
  levels?: readonly BookLevel[];
  /** At most this fraction of visible depth on that side (default 0.1). */
  maxDepthFraction?: number;
  /** Position limit: |position after| × price ≤ maxPositionFraction × capital. */
  capital?: number;
  maxPositionFraction?: number;
  /** Current signed position in base units. */
  position?: number;
  /** Multiplier in (0, 1] from dynamic adjustment (default 1). */
  multiplier?: number;
}

export interface Sizing {
  amount: number;
  /** Which bound set the amount. */
  cappedBy: 'risk' | 'liquidity' | 'position_limit';
  /** The uncapped risk-based amount. */
  riskAmount: number;
}

export function visibleDepth(levels: readonly BookLevel[]): number {
  let depth = 0;
  for (const [, amount] of levels) depth += amount;
  return depth;
}

/** amount = accountValue × riskPerTrade / stopLossDistance / price × multiplier, capped by liquidity and the position limit. */
export function positionSize(input: SizingInput): Sizing {
  const { accountValue, riskPerTrade, stopLossDistance, price } = input;
  if (!(accountValue > 0) || !(riskPerTrade > 0) || !(stopLossDistance > 0) || !(price > 0)) {
    return { amount: 0, cappedBy: 'risk', riskAmount: 0 };
  }
  const riskAmount = ((accountValue * riskPerTrade) / stopLossDistance / price) * (input.multiplier ?? 1);
  let amount = riskAmount;
  let cappedBy: Sizing['cappedBy'] = 'risk';
  if (input.levels) {
    const cap = visibleDepth(input.levels) * (input.maxDepthFraction ?? 0.1);
    if (cap < amount) {
      amount = cap;
      cappedBy = 'liquidity';
    }
  }
  if (input.capital !== undefined && input.maxPositionFraction !== undefined) {
    const maxQty = (input.maxPositionFraction * input.capital) / price;
    const position = input.position ?? 0;
    const signedDir = input.side === 'buy' ? 1 : -1;
    // Room in the order's direction: from the current position to the limit on that side.
    const room = Math.max(0, maxQty - signedDir * position);
    if (room < amount) {
      amount = room;
      cappedBy = 'position_limit';
    }
  }
  return { amount, cappedBy, riskAmount };
}
