/** The nodes of an N-process cluster: `venues` owns the venues and the market data; `node-1`… run strategies. */
export function clusterNodeIds(n: number): { venueNode: string; strategyNodes: string[] } {
  return { venueNode: 'venues', strategyNodes: Array.from({ length: n - 1 }, (_, i) => `node-${i + 1}`) };
}

/** The journal schema of a strategy node: `<base>_<node>`, in the characters a schema name allows. */
export function nodeSchema(base: string, node: string): string {
  return `${base}_${node.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;
}
