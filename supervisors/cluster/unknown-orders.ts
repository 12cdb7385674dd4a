import type { ActorSystem } from '../../actors/runtime/system.js';

/**
 * The orders of one trading system whose outcome is unknown and whose order machine has stopped asking (its queries
 * failed while Redis was away). `requery()` has execution ask the venue node again (`order.query` resets the count):
 * found, the order is settled; not found, it was never placed and is sent again under the same clientOrderId.
 */
export class UnknownOrders {
  private readonly unknown = new Set<string>();

  constructor(private readonly system: ActorSystem) {
    system.observe((m) => {
      if (m.type !== 'orders.updated') return;
      for (const order of m.updates) {
        if (order.status === 'unknown') this.unknown.add(order.clientOrderId);
        else this.unknown.delete(order.clientOrderId);
      }
    });
  }

  requery(): number {
    for (const clientOrderId of this.unknown) this.system.publish({ type: 'order.query', clientOrderId, to: 'execution' });
    return this.unknown.size;
  }
}
