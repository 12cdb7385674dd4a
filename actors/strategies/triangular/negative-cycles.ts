import type { SpotMarket } from './snapshot.js';

export interface LongCycle {
  /** Currencies visited, first = last. */
  path: string[];
  symbols: string[];
  sides: Array<'buy' | 'sell'>;
  /** Return after every leg's taker fee, in percent. */
  netPct: number;
}

interface Edge {
  from: number;
  to: number;
  /** -ln(rate · (1 − fee)): a cycle of negative total weight returns more than it started with. */
  weight: number;
  market: number;
  buy: boolean;
}

/**
 * Profitable cycles of any length (the option beyond triangles): Bellman–Ford over log weights
 * from a virtual source. After |V| rounds, an edge that still relaxes leads into a negative cycle;
 * walking predecessors |V| steps lands inside it. Each such cycle is reported once (by its set of
 * legs). Finds at least one cycle whenever one exists, not necessarily all of them.
 */
export function negativeCycles(markets: readonly SpotMarket[], fee: number, maxLength = 6): LongCycle[] {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const id = (a: string) => ids.get(a) ?? (ids.set(a, names.push(a) - 1), names.length - 1);
  const edges: Edge[] = [];
  markets.forEach((m, k) => {
    const b = id(m.base);
    const q = id(m.quote);
    const bid = m.bids[0]?.[0];
    const ask = m.asks[0]?.[0];
    if (bid && bid > 0) edges.push({ from: b, to: q, weight: -Math.log(bid * (1 - fee)), market: k, buy: false });
    if (ask && ask > 0) edges.push({ from: q, to: b, weight: -Math.log((1 - fee) / ask), market: k, buy: true });
  });
  const n = names.length;
  const dist = new Float64Array(n);
  const pred = new Int32Array(n).fill(-1);
  for (let round = 0; round < n; round++) {
    let changed = false;
    for (let e = 0; e < edges.length; e++) {
      const { from, to, weight } = edges[e]!;
      if (dist[from]! + weight < dist[to]! - 1e-12) {
        dist[to] = dist[from]! + weight;
        pred[to] = e;
        changed = true;
      }
    }
    if (!changed) return [];
  }
  const found = new Map<string, LongCycle>();
  for (const start of edges) {
    if (!(dist[start.from]! + start.weight < dist[start.to]! - 1e-12)) continue;
    let v = start.to;
    for (let i = 0; i < n && pred[v]! >= 0; i++) v = edges[pred[v]!]!.from;
    const legs: Edge[] = [];
    let u = v;
    do {
      const e = pred[u]!;
      if (e < 0 || legs.length > n) break;
      legs.unshift(edges[e]!);
      u = edges[e]!.from;
    } while (u !== v);
    if (u !== v || legs.length < 2 || legs.length > maxLength) continue;
    const key = legs.map((l) => `${l.market}${l.buy ? 'b' : 's'}`).sort().join(',');
    if (found.has(key)) continue;
    const total = legs.reduce((s, l) => s + l.weight, 0);
    found.set(key, {
      path: [names[legs[0]!.from]!, ...legs.map((l) => names[l.to]!)],
      symbols: legs.map((l) => markets[l.market]!.symbol),
      sides: legs.map((l) => (l.buy ? 'buy' : 'sell')),
      netPct: (Math.exp(-total) - 1) * 100,
    });
  }
  return [...found.values()].sort((a, b) => b.netPct - a.netPct);
}
