import type { Approval } from './approval.js';
import type { DenyReason, OrderIntent } from './intent.js';

/** One refused intent: a machine-readable reason and a detail a human can act on. */
export interface Denial {
  intent: OrderIntent;
  reason: DenyReason;
  detail: string;
}

declare module '../runtime/messages.js' {
  interface MessageMap {
    /**
     * Strategy → risk: one decision's orders (a quote set, the legs of an arbitrage, one entry), judged in one
     * transition, in order, each intent seeing the risk book as the ones before it left it. With `allOrNone`
     * (the legs of one multi-leg trade) every intent is approved or every one is denied.
     */
    'order.intents': { intents: readonly OrderIntent[]; allOrNone?: boolean };
    /** Risk → execution (and the chain venue): the approvals of one decision, each minted by risk. */
    'orders.approved': { approvals: readonly Approval[] };
    /** Risk → `strategy:<name>`: the intents of one decision that risk refused. */
    'orders.denied': { denials: readonly Denial[] };
  }
}
