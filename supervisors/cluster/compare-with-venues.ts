import type { VenueOrder } from '../../actors/venues/venue.js';
import { TERMINAL_STATUSES } from '../../actors/ledger/storage/order-journal.js';

/** What one node journaled, as the cluster command reads it back from the node's journal. */
export interface JournalView {
  node: string;
  orders: readonly { clientOrderId: string; intentId: string; status: string; filled: number }[];
  fills: readonly { fillId: string; clientOrderId: string }[];
  intents: readonly { intentId: string; amount: number }[];
}

/** The venue's own log of one node's account: every order it accepted, with every fill. */
export interface VenueLog {
  node: string;
  orders: readonly VenueOrder[];
}

export interface Verdict {
  /** Venue orders the node's journal does not have. */
  lost: number;
  /** Intents the venue executed more of than they asked for (an intent sent twice under two ids). */
  duplicated: number;
  /** Venue fills missing from the journal. */
  untrackedFills: number;
  /** Orders the venue ended (closed, canceled) that the journal still has open, or with another filled amount. */
  unreconciled: number;
  /** The first offence of each kind, to start reading from. */
  examples: string[];
  /** The client order id of the first offence (of any kind), whose history to show. */
  firstOrder?: string;
}

const EPS = 1e-9;
const ENDED = new Set(['closed', 'canceled', 'rejected']);

/**
 * Compares each node's journal with the venue's own records of that node's account, never with the node's opinion
 * of itself: the venue's log is what happened.
 */
export function compareWithVenues(journals: readonly JournalView[], venues: readonly VenueLog[]): Verdict {
  const verdict: Verdict = { lost: 0, duplicated: 0, untrackedFills: 0, unreconciled: 0, examples: [] };
  const example = (kind: string, text: string, clientOrderId: string) => {
    verdict.firstOrder ??= clientOrderId;
    if (!verdict.examples.some((e) => e.startsWith(`${kind}:`))) verdict.examples.push(`${kind}: ${text}`);
  };
  for (const log of venues) {
    const journal = journals.find((j) => j.node === log.node);
    const orders = new Map(journal?.orders.map((o) => [o.clientOrderId, o]) ?? []);
    const fills = new Set(journal?.fills.map((f) => f.fillId) ?? []);
    const intents = new Map(journal?.intents.map((i) => [i.intentId, i.amount]) ?? []);
    const venueAmountByIntent = new Map<string, number>();
    const firstOrderOf = new Map<string, string>();
    for (const order of log.orders) {
      const journaled = orders.get(order.clientOrderId);
      if (!journaled) {
        verdict.lost += 1;
        example('lost', `${log.node}: venue order ${order.clientOrderId} (${order.side} ${order.amount} ${order.symbol}, ${order.status}) is not in the journal`, order.clientOrderId);
        continue;
      }
      venueAmountByIntent.set(journaled.intentId, (venueAmountByIntent.get(journaled.intentId) ?? 0) + order.amount);
      if (!firstOrderOf.has(journaled.intentId)) firstOrderOf.set(journaled.intentId, order.clientOrderId);
      for (const fill of order.fills) {
        if (fills.has(fill.fillId)) continue;
        verdict.untrackedFills += 1;
        example('untrackedFills', `${log.node}: fill ${fill.fillId} of ${order.clientOrderId} (${fill.amount} at ${fill.price}) is not in the journal`, order.clientOrderId);
      }
      if (ENDED.has(order.status) && (!(TERMINAL_STATUSES as readonly string[]).includes(journaled.status) || Math.abs(journaled.filled - order.filled) > EPS * Math.max(1, order.amount))) {
        verdict.unreconciled += 1;
        example('unreconciled', `${log.node}: ${order.clientOrderId} is ${order.status} with ${order.filled} filled at the venue, ${journaled.status} with ${journaled.filled} in the journal`, order.clientOrderId);
      }
    }
    for (const [intentId, amount] of venueAmountByIntent) {
      const asked = intents.get(intentId);
      if (asked !== undefined && amount <= asked * (1 + 1e-6) + EPS) continue;
      verdict.duplicated += 1;
      example('duplicated', `${log.node}: intent ${intentId} asked for ${asked ?? 'an unjournaled amount'}; the venue took orders for ${amount}`, firstOrderOf.get(intentId)!);
    }
  }
  return verdict;
}
