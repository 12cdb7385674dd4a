import type { ActorSystem } from '../system.js';

/** Systems in the middle of publishing a message that came from a stream: streamOut must not send it back. */
const injecting = new WeakMap<ActorSystem, number>();

export function fromStream<T>(system: ActorSystem, publish: () => T): T {
  injecting.set(system, (injecting.get(system) ?? 0) + 1);
  try {
    return publish();
  } finally {
    injecting.set(system, injecting.get(system)! - 1);
  }
}

export function isFromStream(system: ActorSystem): boolean {
  return (injecting.get(system) ?? 0) > 0;
}

/** What a bridged entry holds: the message as the sending node's bus routed it, and which node that was. */
export interface BridgedEntry {
  node: string;
  message: { type: string; id: string; ts: number; correlationId: string } & Record<string, unknown>;
}
