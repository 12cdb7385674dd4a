import type { Fill } from '../types.js';

/**
 * What identifies a fill's content: the order it belongs to and its economics. The timestamp is left
 * out: a venue that reports one trade twice may stamp it with when it was asked.
 */
const CONTENT = ['clientOrderId', 'intentId', 'strategy', 'venue', 'symbol', 'side', 'price', 'amount', 'fee', 'liquidity'] as const;

/** `field: journaled → incoming` for each field where a fill reported again differs from the journaled one. */
export function fillDifferences(journaled: Fill, incoming: Fill): string[] {
  const out: string[] = [];
  for (const key of CONTENT) {
    if (journaled[key] !== incoming[key]) out.push(`${key}: ${String(journaled[key])} → ${String(incoming[key])}`);
  }
  return out;
}
