import type { Logger } from 'pino';
import type { Clock } from '../actors/runtime/clock.js';
import type { Store } from '../actors/ledger/storage/store.js';
import type { OrderRecord } from '../actors/ledger/storage/order-journal.js';
import type { OrderStatus } from '../actors/ledger/types.js';
import type { Venue, VenueOrder } from '../actors/venues/venue.js';

export interface ReconcileResult {
  /** Orders whose final state the venue confirmed (or that it never saw). */
  settled: string[];
  /** Orders still resting from a previous run: cancelled, since no strategy tracks them now. */
  cancelled: string[];
  /** Orders no venue could answer for: the session must start HALTED (R4). */
  unresolved: Array<{ clientOrderId: string; why: string }>;
}

const STATUS: Record<VenueOrder['status'], OrderStatus> = { open: 'submitted', closed: 'filled', canceled: 'cancelled', rejected: 'rejected' };

/**
 * Before any new order (R1): every journaled order not known to be final is looked up at its venue by
 * clientOrderId. Its fills are journaled (idempotently), its final status recorded; one still resting is
 * cancelled so no fill can arrive untracked. A venue that cannot answer leaves the order unresolved.
 */
export async function reconcileOnStart(store: Store, venues: Record<string, Venue>, clock: Clock, logger: Logger): Promise<ReconcileResult> {
  const result: ReconcileResult = { settled: [], cancelled: [], unresolved: [] };
  for (const order of store.orders.nonTerminalOrders()) {
    const venue = venues[order.venue];
    if (!venue) {
      result.unresolved.push({ clientOrderId: order.clientOrderId, why: `venue ${order.venue} is not configured in this session` });
      continue;
    }
    try {
      let found = await venue.fetchOrderByClientId(order.clientOrderId, order.symbol);
      if (found?.status === 'open') {
        found = await venue.cancelOrder(order.clientOrderId, order.symbol);
        result.cancelled.push(order.clientOrderId);
      } else {
        result.settled.push(order.clientOrderId);
      }
      settle(store, order, found, clock.now());
    } catch (error) {
      result.unresolved.push({ clientOrderId: order.clientOrderId, why: String(error) });
    }
  }
  logger.info({ settled: result.settled.length, cancelled: result.cancelled.length, unresolved: result.unresolved.length }, 'reconciled the journal with the venues');
  return result;
}

function settle(store: Store, order: OrderRecord, found: VenueOrder | undefined, ts: number): void {
  if (!found) {
    store.orders.upsertOrder({ ...order, status: 'rejected', detail: 'reconciliation: the venue never saw this clientOrderId', ts });
    return;
  }
  for (const fill of found.fills) store.orders.recordFill({ ...fill, intentId: order.intentId, strategy: order.strategy });
  const status = found.status === 'open' ? 'cancelled' : STATUS[found.status];
  store.orders.upsertOrder({ ...order, status, filled: found.filled, detail: 'reconciliation', ts });
}
