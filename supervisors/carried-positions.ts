import type { Fill } from '../actors/ledger/types.js';
import type { Position } from '../actors/risk/risk-view.js';
import type { Venue } from '../actors/venues/venue.js';

/**
 * The positions a family's strategies hold from earlier runs on this journal, at venues that outlive a process (not
 * `inProcess`), of the given strategies or of any on those venues: a run SIGKILLed mid-trade leaves them at the venue, and a missing position is never flat (R4). Net base
 * amount per symbol, summed over the venues as risk keeps it, at the average price of the fills on its side.
 */
export function carriedPositions(fills: readonly Fill[], venues: Record<string, Venue>, strategies?: readonly string[]): Record<string, Position> {
  const by = new Map<string, { qty: number; buys: [number, number]; sells: [number, number] }>();
  for (const f of fills) {
    const venue = venues[f.venue];
    if (!venue || venue.inProcess || (strategies && !strategies.includes(f.strategy))) continue;
    const p = by.get(f.symbol) ?? { qty: 0, buys: [0, 0], sells: [0, 0] };
    const side = f.side === 'buy' ? p.buys : p.sells;
    side[0] += f.amount;
    side[1] += f.amount * f.price;
    p.qty += f.side === 'buy' ? f.amount : -f.amount;
    by.set(f.symbol, p);
  }
  const out: Record<string, Position> = {};
  for (const [symbol, p] of by) {
    if (Math.abs(p.qty) < 1e-12) continue;
    const [amount, notional] = p.qty > 0 ? p.buys : p.sells;
    out[symbol] = { qty: p.qty, avgPrice: notional / amount };
  }
  return out;
}
