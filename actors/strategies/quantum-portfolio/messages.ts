import type { PortfolioChoice } from './solve-portfolio.js';

declare module '../../runtime/messages.js' {
  interface MessageMap {
    /** The effect → the machine: what QAOA chose beside the exact optimum. */
    'quantum.solved': { choice: PortfolioChoice };
    /**
     * A quantum-portfolio strategy rebalanced (or decided not to) at the message's ts: the markets QAOA picked,
     * the brute-force optimum and the closes it decided on. Reports compare the P&L of these choices.
     */
    'quantum.rebalanced': QuantumRebalance;
  }
}

export interface QuantumRebalance extends PortfolioChoice {
  strategy: string;
  venue: string;
  symbols: readonly string[];
  /** The closes the choice was sized on (the step it was decided on). */
  closes: readonly number[];
  /** Quote value held in each selected market; orders sent to get there. */
  value: number;
  orders: number;
  /** Measurements drawn from QAOA's state; the best feasible one was traded. */
  shots: number;
  /** Rebalance number, from 1. */
  index: number;
}

/** A rebalance as observers see it: stamped with the time it was decided. */
export type RebalanceMessage = QuantumRebalance & { ts: number };
