import type { Logger } from 'pino';
import type { Message } from '../runtime/messages.js';
import { ArbOutcomeJournal } from './storage/arb-outcome-journal.js';
import { QuantumRebalanceJournal } from './storage/quantum-rebalance-journal.js';
import type { EquityBook } from './storage/equity-journal.js';
import type { Store } from './storage/store.js';

/**
 * Journals what crosses the bus as it is routed: vetoes, order updates, fills, equity marks,
 * arbitrage outcomes, quantum-portfolio rebalances. An order row is created by execution with its intent, in one commit, before the
 * venue call (RELIABILITY R2); here order updates only change rows that exist. `approved` is never
 * journaled: it lasts until the same step's submit, and nothing has left the process by then.
 * Equity marks are journaled under `book` and `session` (default '' for both): whose curve they are.
 */
export function journalObserver(store: Store, logger?: Logger, equityBook: Partial<EquityBook> = {}): (message: Message) => void {
  const arbOutcomes = new ArbOutcomeJournal(store.runtimeDb);
  const quantumRebalances = new QuantumRebalanceJournal(store.runtimeDb);
  return (message) => {
    switch (message.type) {
      case 'orders.denied':
        for (const { intent, reason, detail } of message.denials) store.vetoes.record({ ts: message.ts, intent, reason, detail });
        return;
      case 'orders.updated':
        // Every fill and every update of the report, one by one: fills first (an update's `filled` counts them).
        for (const fill of message.fills) {
          if (store.orders.recordFill(fill) === 'conflict') logger?.error({ fill }, 'fill id already journaled with other content: kept aside in fill_conflicts');
        }
        for (const order of message.updates) {
          if (order.status === 'approved') continue;
          const found = store.orders.updateOrder({ ...order, ts: message.ts });
          // The first `submitted` is announced as the order machine steps, before execution's effect commits the row.
          if (!found && order.status !== 'submitted') logger?.warn({ order }, 'order update for an order the journal does not hold');
        }
        return;
      case 'equity.marked':
        store.equity.record({ ts: message.ts, equity: message.equity, ...equityBook });
        return;
      case 'quantum.rebalanced':
        quantumRebalances.record(equityBook.session ?? '', message);
        return;
      case 'arb.outcome':
        arbOutcomes.record({ ts: message.ts, strategy: message.strategy, groupId: message.groupId, outcome: message.outcome, pnl: message.pnl, detail: message.detail });
        return;
      default:
        return;
    }
  };
}
