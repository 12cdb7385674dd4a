import type { ActorSystem } from '../actors/runtime/system.js';

/** What a session did, counted as messages cross the bus (this session only, whatever the journal held before). */
export function sessionCounters(system: ActorSystem) {
  const orders = new Set<string>();
  let fills = 0;
  const vetoReasons: Record<string, number> = {};
  system.observe((message) => {
    if (message.type === 'order.updated') orders.add(message.order.clientOrderId);
    else if (message.type === 'fill.received') fills += 1;
    else if (message.type === 'order.denied') vetoReasons[message.reason] = (vetoReasons[message.reason] ?? 0) + 1;
  });
  return {
    read: () => ({
      orders: orders.size,
      fills,
      vetoes: Object.values(vetoReasons).reduce((a, b) => a + b, 0),
      vetoReasons: { ...vetoReasons },
    }),
  };
}
