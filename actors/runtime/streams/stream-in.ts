import type { Redis } from 'ioredis';
import type { Outgoing } from '../actor-spec.js';
import type { MessageType } from '../messages.js';
import type { ActorSystem } from '../system.js';
import { fromStream, type BridgedEntry } from './bridged.js';
import { StreamConsumer, type StreamConsumerOptions } from './stream-consumer.js';

export interface StreamInOptions extends Pick<StreamConsumerOptions, 'startId' | 'count' | 'blockMs' | 'claimIdleMs' | 'claimEveryMs' | 'onState'> {
  redis: Redis;
  stream: string;
  /** One group per node that wants every entry (market data fans out); consumers of one group share its entries. */
  group: string;
  consumer: string;
  /** Only these types are published here; others are acknowledged and skipped. Default: every type. */
  types?: readonly MessageType[];
  /** This node's id: entries it sent itself (streamOut to the same stream) are skipped. */
  node?: string;
  /** Entry ids remembered against redelivery. Default 100,000. */
  dedupeWindow?: number;
}

/**
 * Publishes each entry of `stream` into this process's bus as the message it was (its type and body; a fresh id and
 * ts from this system, the sender's correlation id). `to` is dropped: a bridged message is a topic, not an address.
 * A redelivered entry (recovered after a crash, claimed from a dead consumer) is published once per process.
 * Resolves once the group exists; stop() with the returned consumer.
 */
export async function streamIn(system: ActorSystem, options: StreamInOptions): Promise<StreamConsumer> {
  const allowed = options.types ? new Set<string>(options.types) : undefined;
  const window = options.dedupeWindow ?? 100_000;
  const seen = new Set<string>();
  const consumer = new StreamConsumer(options.redis, {
    ...options,
    logger: system.logger,
    handler: ({ id, body }) => {
      if (seen.has(id)) return;
      seen.add(id);
      if (seen.size > window) seen.delete(seen.values().next().value!);
      const message = (body as Partial<BridgedEntry> | null)?.message;
      if (!message || typeof message.type !== 'string') {
        system.logger.warn({ stream: options.stream, id }, 'streamIn: entry is not a bridged message; skipped');
        return;
      }
      if ((allowed && !allowed.has(message.type)) || (options.node !== undefined && (body as BridgedEntry).node === options.node)) return;
      const { id: _id, ts: _ts, to: _to, ...rest } = message;
      fromStream(system, () => system.publish(rest as unknown as Outgoing));
    },
  });
  await consumer.start();
  return consumer;
}
