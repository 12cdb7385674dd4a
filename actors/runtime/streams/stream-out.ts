import type { Redis } from 'ioredis';
import type { MessageType } from '../messages.js';
import type { ActorSystem } from '../system.js';
import { isFromStream, type BridgedEntry } from './bridged.js';
import { StreamPublisher } from './stream-publisher.js';

export interface StreamOutOptions {
  redis: Redis;
  /** The message types this process forwards. */
  types: readonly MessageType[];
  stream: string;
  /** This node's id, carried in each entry. */
  node: string;
  /** MAXLEN ~ of the stream. Default 100,000. */
  maxLen?: number;
  /** One entry per event-loop turn holding that turn's messages (StreamPublisher `pack`). Default true. */
  pack?: boolean;
}

export interface StreamOut {
  readonly forwarded: number;
  readonly failed: number;
  /** Forwards nothing more (the system keeps its observer, which then does nothing). */
  stop(): void;
}

/**
 * Forwards every message of `types` routed in this process to `stream`, as the bus routed it (id, ts, correlation
 * id), except those that came in from a stream (streamIn), so two bridged nodes never echo each other. An entry Redis
 * refuses is logged and counted, never thrown into the publisher: the in-process bus goes on.
 */
export function streamOut(system: ActorSystem, options: StreamOutOptions): StreamOut {
  const wanted = new Set<string>(options.types);
  const publisher = new StreamPublisher(options.redis, { stream: options.stream, maxLen: options.maxLen, pack: options.pack ?? true });
  let stopped = false;
  let forwarded = 0;
  let failed = 0;
  system.observe((message) => {
    if (stopped || !wanted.has(message.type) || isFromStream(system)) return;
    const entry: BridgedEntry = { node: options.node, message: message as unknown as BridgedEntry['message'] };
    forwarded += 1;
    publisher.publish(entry).catch((error: unknown) => {
      failed += 1;
      system.logger.warn({ err: error, stream: options.stream, type: message.type }, 'streamOut: entry not added');
    });
  });
  return {
    get forwarded() {
      return forwarded;
    },
    get failed() {
      return failed;
    },
    stop: () => {
      stopped = true;
    },
  };
}
