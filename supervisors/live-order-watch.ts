import type { Logger } from 'pino';
import type { ActorSystem } from '../actors/runtime/system.js';
import type { Venue } from '../actors/venues/venue.js';

const TERMINAL = new Set(['filled', 'cancelled', 'rejected']);

/**
 * Asks the venue about each of our orders still working and hands each answer to execution as
 * `venue.queried` (what its own queries produce), so fills on resting orders are learned within a poll
 * rather than when the order is next cancelled. Run only while the system is quiescent: the venue
 * reports each fill once, to whichever call sees it first, and execution must take that answer in
 * before it calls the venue about the same order again.
 */
export class OrderWatch {
  private readonly working = new Map<string, string>();

  constructor(private readonly system: ActorSystem, private readonly venue: Venue, private readonly logger: Logger) {
    system.observe((m) => {
      if (m.type !== 'orders.updated') return;
      for (const order of m.updates) {
        if (order.venue !== venue.id) continue;
        if (TERMINAL.has(order.status) || order.status === 'approved') this.working.delete(order.clientOrderId);
        else this.working.set(order.clientOrderId, order.symbol);
      }
    });
  }

  async check(): Promise<void> {
    for (const [clientOrderId, symbol] of [...this.working]) {
      try {
        const order = await this.venue.fetchOrderByClientId(clientOrderId, symbol);
        if (order) this.system.publish({ type: 'venue.queried', clientOrderId, order, to: 'execution' });
      } catch (err) {
        this.logger.warn({ clientOrderId, err }, 'order check failed; asking again next interval');
      }
    }
  }
}
