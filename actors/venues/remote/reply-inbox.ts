import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import type { Clock } from '../../runtime/clock.js';
import { SystemClock } from '../../runtime/clock.js';
import { VenueUnavailableError } from '../../runtime/errors.js';
import { StreamConsumer, type ConsumerState } from '../../runtime/streams/stream-consumer.js';
import { StreamPublisher } from '../../runtime/streams/stream-publisher.js';
import { venueStreamKeys, type VenueStreamKeys } from './venue-keys.js';
import type { VenueOp, VenueReply, VenueRequest } from './venue-protocol.js';
import { fromWire } from './wire-error.js';

export interface ReplyInboxOptions {
  /** This node's id: its reply stream is `<prefix>venue:replies:<node>`. */
  node: string;
  prefix?: string;
  clock?: Clock;
  logger?: Logger;
  /** MAXLEN ~ of the request streams. Default 100,000. */
  maxLen?: number;
  onState?: (state: ConsumerState) => void;
}

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

/**
 * One node's side of the remote-venue protocol: sends requests to a venue's request stream and matches the replies
 * on this node's reply stream to them. A request not answered in time fails with VenueUnavailableError (its outcome
 * is unknown); a reply arriving later is dropped.
 */
export class ReplyInbox {
  readonly keys: VenueStreamKeys;
  private readonly waiting = new Map<string, Waiting>();
  private readonly publishers = new Map<string, StreamPublisher>();
  private readonly consumer: StreamConsumer;
  private readonly clock: Clock;

  private constructor(private readonly redis: Redis, private readonly options: ReplyInboxOptions) {
    this.keys = venueStreamKeys(options.prefix);
    this.clock = options.clock ?? new SystemClock();
    this.consumer = new StreamConsumer(redis, {
      stream: this.keys.replies(options.node), group: 'replies', consumer: options.node, startId: '$', blockMs: 1_000,
      logger: options.logger ?? pino({ level: 'silent' }), onState: options.onState,
      handler: ({ body }) => this.settle(body as VenueReply),
    });
  }

  static async open(redis: Redis, options: ReplyInboxOptions): Promise<ReplyInbox> {
    const inbox = new ReplyInbox(redis, options);
    await inbox.consumer.start();
    return inbox;
  }

  get state(): ConsumerState {
    return this.consumer.state;
  }

  request(venueId: string, op: VenueOp, args: unknown[], timeoutMs: number): Promise<unknown> {
    const requestId = `${this.options.node}:${randomUUID()}`;
    const stream = this.keys.requests(venueId);
    let publisher = this.publishers.get(stream);
    if (!publisher) this.publishers.set(stream, (publisher = new StreamPublisher(this.redis, { stream, maxLen: this.options.maxLen })));
    const body: VenueRequest = { requestId, replyTo: this.keys.replies(this.options.node), op, args, deadline: this.clock.now() + timeoutMs };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        reject(new VenueUnavailableError(`remote venue ${venueId}: no reply to ${op} within ${timeoutMs} ms`, { metaMessages: ['the outcome is unknown: resolve it by clientOrderId'] }));
      }, timeoutMs);
      this.waiting.set(requestId, { resolve, reject, timer });
      publisher.publish(body).catch((error: unknown) => {
        if (!this.waiting.delete(requestId)) return;
        clearTimeout(timer);
        reject(new VenueUnavailableError(`remote venue ${venueId}: ${op} not sent (${(error as Error).message})`, { cause: error }));
      });
    }).then((reply) => {
      const r = reply as VenueReply;
      if (!r.ok) throw fromWire(r.error, venueId);
      return r.value;
    });
  }

  async close(): Promise<void> {
    await this.consumer.stop();
    for (const [id, w] of this.waiting) {
      clearTimeout(w.timer);
      w.reject(new VenueUnavailableError(`remote venue request ${id}: the inbox closed before a reply`));
    }
    this.waiting.clear();
  }

  private settle(reply: VenueReply): void {
    const w = this.waiting.get(reply.requestId);
    if (!w) return;
    this.waiting.delete(reply.requestId);
    clearTimeout(w.timer);
    w.resolve(reply);
  }
}
