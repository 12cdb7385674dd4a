import type { LocalExchange } from '../../actors/venues/local-exchange/server.js';
import type { ChainFaults } from './chain-faults.js';
import type { ExchangeFaults } from './exchange-faults.js';
import { isChainFault, type FaultKind } from './fault-kinds.js';

export interface FaultScheduleOptions {
  kinds: readonly FaultKind[];
  everyMs: number;
  random: () => number;
  exchanges: Record<string, LocalExchange>;
  exchangeFaults: ExchangeFaults;
  chainFaults?: ChainFaults;
  /** While true, nothing new is injected (the end is near). */
  quiet: () => boolean;
}

/** Faults that act on the depth websockets: injected only on an exchange with a socket open. */
const ON_SOCKETS: readonly FaultKind[] = ['websocket-drop', 'sequence-gap', 'stale-book'];

/**
 * One fault every `everyMs`: the kind that has acted least so far (ties drawn at random), so that every kind acts in a
 * short run; a kind still waiting to act (a create fault no create has hit yet) is not injected again meanwhile.
 */
export function startFaultSchedule(o: FaultScheduleOptions): { stop(): void } {
  const injected = new Map<FaultKind, number>();
  const timer = setInterval(() => {
    if (o.quiet()) return;
    const acted: Partial<Record<FaultKind, number>> = { ...o.exchangeFaults.counts(), ...o.chainFaults?.counts() };
    const ready = o.kinds
      .filter((k) => (isChainFault(k) ? (injected.get(k) ?? 0) <= (acted[k] ?? 0) : !o.exchangeFaults.pending(k)))
      .map((k) => ({ k, order: (acted[k] ?? 0) + o.random() * 0.5 }))
      .sort((a, b) => a.order - b.order);
    for (const { k } of ready) {
      if (isChainFault(k)) {
        if (!o.chainFaults) continue;
        o.chainFaults.inject(k);
      } else {
        const ids = Object.keys(o.exchanges).filter((id) => !ON_SOCKETS.includes(k) || o.exchanges[id]!.streams.connections > 0);
        if (ids.length === 0) continue;
        o.exchangeFaults.inject(k, o.exchanges[ids[Math.floor(o.random() * ids.length)]!]!);
      }
      injected.set(k, (injected.get(k) ?? 0) + 1);
      return;
    }
  }, o.everyMs);
  return { stop: () => clearInterval(timer) };
}
