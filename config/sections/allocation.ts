import { fraction } from './define.js';
import { z } from 'zod';

const SUM_TOLERANCE = 1e-9;

/** Capital share per strategy family. The weights must sum to 1. */
export const allocation = z
  .strictObject({
    flash_loans: fraction().default(0.3).describe('capital share of flash-loan arbitrage'),
    arbitrage: fraction().default(0.2).describe('capital share of CEX arbitrage'),
    market_making: fraction().default(0.2).describe('capital share of market making'),
    ai_trading: fraction().default(0.2).describe('capital share of AI trading'),
    quantum_trading: fraction().default(0.1).describe('capital share of quantum trading'),
  })
  .refine((weights) => Math.abs(sumOf(weights) - 1) <= SUM_TOLERANCE, {
    error: (issue) => {
      const weights = issue.input as Record<string, number>;
      const terms = Object.entries(weights).map(([name, w]) => `${name} ${w}`).join(' + ');
      return `weights must sum to 1, got ${round(sumOf(weights))} (${terms})`;
    },
  })
  .prefault({});

function sumOf(weights: Record<string, number>): number {
  return Object.values(weights).reduce((a, b) => a + b, 0);
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
