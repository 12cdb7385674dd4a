import type { Message } from '../../runtime/messages.js';

/** A cycle worth proposing, as the host states it for the intent (see actors/strategies/flash-loan/intent-terms.ts). */
export interface FlashProposal {
  symbol: string;
  amount: number;
  price: number;
  expectedProfit: number;
  /** Decimal string, wei of the profit token, after gas and builder payment. */
  predictedNetWei: string;
  deadlineBlock: number;
}

declare module '../../runtime/messages.js' {
  interface MessageMap {
    /** Block follower → chain venue: a new block was sealed. */
    'chain.block': { number: number };
    /** Chain host → its machine: what evaluating a block gave (nothing is sent at this point). */
    'chain.evaluated': {
      block: number;
      outcome: 'none' | 'below-threshold' | 'simulation-failed' | 'proposed' | 'error';
      detail: string;
      proposal?: FlashProposal;
    };
    /** Chain host → its machine: the approved bundle went to the relay, or why not. */
    'chain.sent': {
      block: number;
      intentId: string;
      outcome: 'submitted' | 'below-threshold' | 'simulation-failed' | 'refused' | 'error';
      detail: string;
      txHash?: string;
      targetBlock?: number;
      deadlineBlock?: number;
      predictedNetWei?: string;
      /** Raw units borrowed, decimal string (at most the approved amount). */
      borrowed?: string;
      /** amountOut − amountIn of the cycle sent, wei, before gas. */
      grossProfitWei?: string;
      /** The relay simulated exactly this signed transaction for its target block. */
      simulated?: boolean;
    };
    /** Chain host → its machine: where the submitted bundle stands after a block. */
    'chain.followedUp': { block: number; txHash: string; status: 'included' | 'pending' | 'expired' | 'dropped' | 'error'; includedBlock?: number; predictedNetWei?: string };
    /** Chain strategy → journal: an approved, simulated bundle went to the relay. */
    'chain.arbitrage.submitted': { intentId: string; txHash: string; targetBlock: number; deadlineBlock: number; predictedNetWei: string };
    'chain.arbitrage.included': { intentId: string; txHash: string; block: number; predictedNetWei: string };
    /** No bundle for this block, and why (a rejection, risk's denial included, is an event). */
    'chain.arbitrage.skipped': {
      block: number;
      reason: 'none' | 'below-threshold' | 'simulation-failed' | 'denied' | 'unapproved' | 'refused' | 'error' | 'busy';
      detail: string;
    };
    'chain.arbitrage.dropped': { intentId: string; txHash: string; block: number; reason: 'expired' | 'dropped' | 'error' };
  }
}

export type FlashArbitrageEvent = Message<'chain.block' | 'chain.evaluated' | 'chain.sent' | 'chain.followedUp' | 'orders.approved' | 'orders.denied'>;
