import type { VenueFill } from './exchange-logs.js';

export interface LimitBreaches {
  count: number;
  first?: string;
  /** The order whose fill first passed the limit. */
  firstOrder?: string;
}

/**
 * Fills that took filled exposure past risk's position limit: walking the venues' own fills in time order, the family's
 * net position in each symbol (summed over its venues, as risk keeps it), after a fill that grew it, × that fill's
 * price, against maxPositionFraction × capital. A position whose value grows with the price alone, or a fill that
 * shrinks it, is no fill passing the limit.
 */
export function limitBreaches(fills: readonly VenueFill[], capital: number, maxPositionFraction: number): LimitBreaches {
  const limit = maxPositionFraction * capital * (1 + 1e-6);
  const qty = new Map<string, number>();
  const out: LimitBreaches = { count: 0 };
  for (const f of [...fills].sort((a, b) => a.ts - b.ts)) {
    const before = qty.get(f.symbol) ?? 0;
    const q = before + (f.side === 'buy' ? f.amount : -f.amount);
    qty.set(f.symbol, q);
    const exposure = Math.abs(q) * f.price;
    if (Math.abs(q) <= Math.abs(before) || exposure <= limit) continue;
    out.count += 1;
    out.firstOrder ??= f.clientOrderId;
    out.first ??= `${f.symbol} position ${q.toFixed(8)} (${exposure.toFixed(2)} quote) after ${f.clientOrderId} on ${f.venue}, limit ${limit.toFixed(2)}`;
  }
  return out;
}
