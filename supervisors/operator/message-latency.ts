import type { Histogram } from 'prom-client';
import type { Message } from '../../actors/runtime/messages.js';
import type { ActorSystem } from '../../actors/runtime/system.js';

/** Upper bounds in seconds: from a synchronous hand-off (tens of µs) to a backlog of seconds. */
export const LATENCY_BUCKETS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * Times each message, wall clock, from its publish (the runtime routing it) to the moment each actor that takes it
 * has handled it: the wait in the actor's queue plus its own transition. Messages routed before this call are not timed.
 * Cost while it watches: a WeakMap entry per routed message and a histogram observation per handled one.
 */
export function timeHandling(system: ActorSystem, family: string, histogram: Histogram<'family' | 'actor'>, now: () => number = () => performance.now()): void {
  const publishedAt = new WeakMap<Message, number>();
  system.observe((message) => {
    publishedAt.set(message, now());
  });
  const byActor = new Map<string, Histogram.Internal<'family' | 'actor'>>();
  system.observeHandled((actor, message) => {
    const at = publishedAt.get(message);
    if (at === undefined) return;
    let child = byActor.get(actor);
    if (!child) byActor.set(actor, (child = histogram.labels({ family, actor })));
    child.observe((now() - at) / 1_000);
  });
}
