import type { Message } from '../runtime/messages.js';
import { ArbOutcomeJournal } from './storage/arb-outcome-journal.js';
import type { Store } from './storage/store.js';

/**
 * Journals what crosses the bus as it is routed: vetoes, order updates, fills, equity marks,
 * arbitrage outcomes. Intents are journaled earlier, by execution, before any venue call (RELIABILITY R2).
 */
export function journalObserver(store: Store): (message: Message) => void {
  const arbOutcomes = new ArbOutcomeJournal(store.runtimeDb);
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
      case 'arb.outcome':
        arbOutcomes.record({ ts: message.ts, strategy: message.strategy, groupId: message.groupId, outcome: message.outcome, pnl: message.pnl, detail: message.detail });
        return;
      default:
        return;
    }
  };
}
