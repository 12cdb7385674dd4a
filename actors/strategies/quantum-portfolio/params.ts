import { z } from 'zod';

/** The quantum-portfolio strategy's parameters: how often and on what window it re-solves, and the QAOA it runs. */
export const quantumPortfolioParams = z.strictObject({
  rebalanceBars: z.number().int().min(1).default(288).describe('steps (bars of the markets) between rebalances; 288 five-minute bars = a day'),
  windowBars: z.number().int().min(20).default(864).describe('trailing returns μ and Σ are estimated on (864 five-minute bars = three days)'),
  budget: z.number().int().min(1).default(3).describe('how many markets to hold: B in Σx = B'),
  risk: z.number().min(0).default(0.5).describe('risk aversion q in q·xᵀΣx − μᵀx (per-bar log returns)'),
  layers: z.number().int().min(1).max(6).default(2).describe('QAOA layers p'),
  mixer: z.enum(['x', 'xy']).default('xy').describe('QAOA mixer: xy keeps Σx = B from the Dicke state, x needs a budget penalty'),
  shots: z.number().int().min(1).default(256).describe('measurements drawn from the optimised state; the best feasible one is traded'),
  seed: z.number().int().min(0).default(1).describe('seed of the measurements (rebalance k uses seed + k)'),
  fraction: z.number().positive().max(1).default(0.9).describe('share of capital invested, split equally over the B markets (each capped at the risk limit on one position)'),
  maxSlippage: z.number().min(0).max(0.5).default(0.02).describe("buys are limit orders at the last close × (1 + maxSlippage), so none fills higher, and a position is targeted so that it stays within risk's position limit even at that price"),
  buyWaitBars: z.number().int().min(1).default(2).describe('steps a buy may stay unfilled (the market rose past its limit) before it is cancelled'),
  minTradeFraction: z.number().min(0).max(1).default(0.002).describe('skip a rebalancing order smaller than this share of capital'),
});

export type QuantumPortfolioParams = z.output<typeof quantumPortfolioParams>;
