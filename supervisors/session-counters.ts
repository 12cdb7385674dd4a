import type { ActorSystem } from '../actors/runtime/system.js';

export interface ArbOutcomeCounts {
  /** Multi-leg trades by how they ended (completed, hedged, unwound, aborted, stuck), per strategy. */
  byStrategy: Record<string, Record<string, number>>;
  /** Realised P&L per currency, summed over every outcome. */
  pnl: Record<string, number>;
}

/** What a session did, counted as messages cross the bus (this session only, whatever the journal held before). */
export function sessionCounters(system: ActorSystem) {
  const orders = new Set<string>();
  let fills = 0;
  const vetoReasons: Record<string, number> = {};
  const byStrategy: ArbOutcomeCounts['byStrategy'] = {};
  const pnl: Record<string, number> = {};
  let haltedBy: string | undefined;
  system.observe((message) => {
    if (message.type === 'orders.updated') {
      for (const order of message.updates) orders.add(order.clientOrderId);
      fills += message.fills.length;
    } else if (message.type === 'orders.denied') {
      for (const { reason } of message.denials) vetoReasons[reason] = (vetoReasons[reason] ?? 0) + 1;
    }
    else if (message.type === 'risk.changed' && message.state === 'HALTED') haltedBy = `HALTED: ${message.reason} on ${new Date(message.ts).toISOString().slice(0, 10)}`;
    else if (message.type === 'arb.outcome') {
      const counts = (byStrategy[message.strategy] ??= {});
      counts[message.outcome] = (counts[message.outcome] ?? 0) + 1;
      for (const [currency, amount] of Object.entries(message.pnl)) pnl[currency] = (pnl[currency] ?? 0) + amount;
    }
  });
  return {
    read: () => ({
      orders: orders.size,
      fills,
      vetoes: Object.values(vetoReasons).reduce((a, b) => a + b, 0),
      vetoReasons: { ...vetoReasons },
      /** Why risk last halted in this session (state, reason, market day), if it did. */
      haltedBy,
    }),
    arbOutcomes: (): ArbOutcomeCounts => ({
      byStrategy: Object.fromEntries(Object.entries(byStrategy).map(([s, c]) => [s, { ...c }])),
      pnl: { ...pnl },
    }),
  };
}
