import type { Logger } from 'pino';
import type { Clock } from '../actors/runtime/clock.js';
import type { Store } from '../actors/ledger/storage/store.js';
import type { OrderRecord } from '../actors/ledger/storage/order-journal.js';
import type { Fill, OrderStatus } from '../actors/ledger/types.js';
import type { Venue, VenueOrder } from '../actors/venues/venue.js';

export interface ReconcileResult {
  /** Orders whose final state the venue confirmed (or that it never saw). */
  settled: string[];
  /** Orders still resting from a previous run: cancelled, since no strategy tracks them now. */
  cancelled: string[];
  /** Orders of venues that lived in the process that ended (paper, the local exchanges): gone with it. */
  lost: string[];
  /** Orders no venue could answer for: the session must start HALTED (R4). */
  unresolved: Array<{ clientOrderId: string; why: string }>;
  /** Fills the journal learned here (made while no run was watching): risk, built before, must hear of them. */
  fills: Fill[];
}

const STATUS: Record<VenueOrder['status'], OrderStatus> = { open: 'submitted', closed: 'filled', canceled: 'cancelled', rejected: 'rejected' };

const LOST_WITH_THE_PROCESS = 'lost with the process';

/**
 * Before any new order (R1), and again once a session has stopped trading: every journaled order not known to be final is looked up at its venue by
 * clientOrderId. Its fills are journaled (idempotently), its final status recorded; one still resting is
 * cancelled so no fill can arrive untracked. One that an in-process venue does not know ended with the
 * process that placed it. A venue that cannot answer leaves the order unresolved.
 */
export async function reconcileWithVenues(store: Store, venues: Record<string, Venue>, clock: Clock, logger: Logger): Promise<ReconcileResult> {
  const result: ReconcileResult = { settled: [], cancelled: [], lost: [], unresolved: [], fills: [] };
  for (const order of store.orders.nonTerminalOrders()) {
    const venue = venues[order.venue];
    if (!venue) {
      result.unresolved.push({ clientOrderId: order.clientOrderId, why: `venue ${order.venue} is not configured in this session` });
      continue;
    }
    try {
      let found = await venue.fetchOrderByClientId(order.clientOrderId, order.symbol);
      if (!found && venue.inProcess) {
        // A fill commits before the order update that counts it: a crash between the two leaves the fills ahead.
        const filled = Math.max(order.filled, store.orders.fills(order.clientOrderId).reduce((sum, f) => sum + f.amount, 0));
        const detail = `${LOST_WITH_THE_PROCESS}: venue ${venue.id} keeps its orders in memory, and the process that placed this one ended (left ${order.status}, ${filled} of ${order.amount} filled)`;
        store.orders.upsertOrder({ ...order, status: 'lost', filled, detail, ts: clock.now() });
        result.lost.push(order.clientOrderId);
        continue;
      }
      if (found?.status === 'open') {
        found = await venue.cancelOrder(order.clientOrderId, order.symbol);
        result.cancelled.push(order.clientOrderId);
      } else {
        result.settled.push(order.clientOrderId);
      }
      result.fills.push(...settle(store, order, found, clock.now()));
    } catch (error) {
      result.unresolved.push({ clientOrderId: order.clientOrderId, why: String(error) });
    }
  }
  const counts = { settled: result.settled.length, cancelled: result.cancelled.length, lost: result.lost.length, unresolved: result.unresolved.length };
  if (counts.lost > 0) logger.warn(counts, `reconciled the journal with the venues: ${counts.lost} order(s) ${LOST_WITH_THE_PROCESS}`);
  else logger.info(counts, 'reconciled the journal with the venues');
  return result;
}

/** Journals the venue's last word on the order; returns the fills the journal did not hold. */
function settle(store: Store, order: OrderRecord, found: VenueOrder | undefined, ts: number): Fill[] {
  if (!found) {
    store.orders.upsertOrder({ ...order, status: 'rejected', detail: 'reconciliation: the venue never saw this clientOrderId', ts });
    return [];
  }
  const learned: Fill[] = [];
  for (const venueFill of found.fills) {
    const fill = { ...venueFill, intentId: order.intentId, strategy: order.strategy };
    const outcome = store.orders.recordFill(fill);
    if (outcome === 'conflict') {
      throw new Error(`reconciliation of ${order.clientOrderId}: fill ${fill.fillId} is journaled with other content (kept aside in fill_conflicts)`);
    }
    if (outcome === 'recorded') learned.push(fill);
  }
  const status = found.status === 'open' ? 'cancelled' : STATUS[found.status];
  store.orders.upsertOrder({ ...order, status, filled: found.filled, detail: found.detail ? `reconciliation: ${found.detail}` : 'reconciliation', ts });
  return learned;
}
