import type { Message } from '../runtime/messages.js';
import type { Store } from './storage/store.js';

/**
 * Journals what crosses the bus as it is routed: vetoes, order updates, fills, equity marks.
 * Intents are journaled earlier, by execution, before any venue call (RELIABILITY R2).
 */
export function journalObserver(store: Store): (message: Message) => void {
  return (message) => {
    switch (message.type) {
      case 'order.denied':
        store.vetoes.record({ ts: message.ts, intent: message.intent, reason: message.reason, detail: message.detail });
        return;
      case 'order.updated':
        store.orders.upsertOrder({ ...message.order, ts: message.ts });
        return;
      case 'fill.received':
        store.orders.recordFill(message.fill);
        return;
      case 'equity.marked':
        store.equity.record({ ts: message.ts, equity: message.equity });
        return;
      default:
        return;
    }
  };
}
