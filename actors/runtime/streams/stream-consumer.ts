import type { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import { backoffDelay, type BackoffShape } from '../backoff.js';
import { BODY_FIELD, PACK_FIELD, decodeBody } from './stream-codec.js';
import { inOneWrite } from './in-one-write.js';

export interface StreamEntry {
  /** The entry id Redis gave it (`<ms>-<seq>`), unique within its stream; `<ms>-<seq>/<index>` for a message of a pack. */
  id: string;
  body: unknown;
}

/**
 * Returning (or resolving) acknowledges the entry; throwing leaves it pending, to be claimed again after claimIdleMs.
 * Entries read together are handed over in stream order, each without waiting for the one before (a handler that
 * must serialise does so itself); the messages of one pack are acknowledged together: a throw brings all of them back.
 */
export type EntryHandler = (entry: StreamEntry) => void | Promise<void>;

/** `connected`: the last command answered. `reconnecting`: it failed on the connection; retrying with backoff. */
export type ConsumerState = 'starting' | 'connected' | 'reconnecting' | 'stopped';

export interface StreamConsumerOptions {
  stream: string;
  group: string;
  /** Unique within the group: a node id, with a suffix if one node runs several. */
  consumer: string;
  handler: EntryHandler;
  /** Where a group created now starts: `$` (default) only what is added from now on, `0` the whole stream. */
  startId?: '$' | '0';
  /** Entries read at once; the handler gets them concurrently and they are acknowledged in one XACK. Default 100. */
  count?: number;
  /** How long one XREADGROUP waits for new entries. Default min(1,000, claimEveryMs). */
  blockMs?: number;
  /** An entry pending this long on any consumer (a dead node, a handler that threw) is taken over. Default 30,000. */
  claimIdleMs?: number;
  /** How often XAUTOCLAIM runs. Default claimIdleMs / 2. */
  claimEveryMs?: number;
  /** An entry whose handler threw this many times in this process is acknowledged and reported to onDropped. Default 5. */
  maxAttempts?: number;
  /** Wait between attempts while Redis does not answer. */
  retry?: BackoffShape;
  logger?: Logger;
  onState?: (state: ConsumerState) => void;
  onDropped?: (entry: StreamEntry, error: unknown) => void;
}

type RawEntry = [id: string, fields: string[] | null];

/** One entry's messages: its body, or each body of a pack as `<id>/<index>`. */
function unpack(id: string, fields: string[]): StreamEntry[] {
  for (let i = 0; i < fields.length; i += 2) {
    if (fields[i] === BODY_FIELD) return [{ id, body: decodeBody(fields[i + 1]!) }];
    if (fields[i] === PACK_FIELD) return (decodeBody(fields[i + 1]!) as unknown[]).map((body, n) => ({ id: `${id}/${n}`, body }));
  }
  return [{ id, body: null }];
}

const isNoGroup = (error: unknown) => error instanceof Error && error.message.startsWith('NOGROUP');
const isBusyGroup = (error: unknown) => error instanceof Error && error.message.startsWith('BUSYGROUP');

/**
 * A consumer-group reader (XREADGROUP BLOCK, XACK after the handler, XAUTOCLAIM of idle pending entries). It owns one
 * connection, duplicated from the one it is given, on which it blocks; stop() closes it. It survives Redis going away:
 * commands fail fast, it retries with backoff, and when the group is gone (a restarted Redis without persistence:
 * NOGROUP) it creates it again from `0` and goes on. Delivery is at least once: a handler must tolerate a repeat.
 */
export class StreamConsumer {
  private readonly conn: Redis;
  private readonly opts: Required<Omit<StreamConsumerOptions, 'onState' | 'onDropped' | 'logger'>>;
  private readonly logger: Logger;
  private readonly failures = new Map<string, number>();
  /** Handled entries not yet acknowledged: the XACK goes out with the next read, in one write. */
  private acks: string[] = [];
  private current: ConsumerState = 'starting';
  private stopping = false;
  private blocking = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private groupReady = false;
  private ready!: () => void;
  private notReady!: (error: Error) => void;
  private readonly readyPromise = new Promise<void>((resolve, reject) => {
    this.ready = resolve;
    this.notReady = reject;
  });

  constructor(redis: Redis, private readonly options: StreamConsumerOptions) {
    const claimIdleMs = options.claimIdleMs ?? 30_000;
    const claimEveryMs = options.claimEveryMs ?? Math.max(50, Math.floor(claimIdleMs / 2));
    this.opts = {
      stream: options.stream, group: options.group, consumer: options.consumer, handler: options.handler,
      startId: options.startId ?? '$', count: options.count ?? 100, blockMs: options.blockMs ?? Math.min(1_000, claimEveryMs),
      claimIdleMs, claimEveryMs, maxAttempts: options.maxAttempts ?? 5, retry: options.retry ?? { minMs: 50, maxMs: 2_000, jitter: 0.5 },
    };
    this.logger = options.logger ?? pino({ level: 'silent' });
    // RESP2: the reply shapes Redis documents for XREADGROUP and XAUTOCLAIM, whatever protocol the caller's connection speaks.
    this.conn = redis.duplicate({
      connectionName: `arbiter-stream:${options.group}:${options.consumer}`, protocol: 2, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2_000,
      retryStrategy: (times: number) => Math.min(50 * times, 1_000),
    });
    this.conn.on('error', (error: Error) => this.logger.debug({ err: error, stream: this.opts.stream }, 'stream consumer connection error'));
    this.conn.on('close', () => this.setState('reconnecting'));
    this.readyPromise.catch(() => {});
  }

  get state(): ConsumerState {
    return this.current;
  }

  /** Starts reading; resolves once the group exists (created, or found), which may wait for Redis to come up; rejects if stopped first. */
  start(): Promise<void> {
    this.loop ??= this.run();
    return this.readyPromise;
  }

  /** Lets the entries being handled finish and be acknowledged, then closes the connection (cutting a BLOCK short). */
  async stop(): Promise<void> {
    this.stopping = true;
    if (!this.groupReady) this.notReady(new Error(`stream consumer ${this.opts.consumer} on ${this.opts.stream} stopped before its group could be created`));
    this.wake?.();
    if (this.blocking) this.conn.disconnect();
    await this.loop;
    if (this.acks.length > 0 && this.conn.status === 'ready') await this.conn.call('XACK', [this.opts.stream, this.opts.group, ...this.acks.splice(0)]).catch(() => {});
    if (this.conn.status === 'ready') await this.conn.quit().catch(() => this.conn.disconnect());
    else this.conn.disconnect();
    this.setState('stopped');
  }

  private async run(): Promise<void> {
    const { stream, group, consumer, count, blockMs, claimEveryMs } = this.opts;
    let attempt = 0;
    let ownPendingChecked = false;
    let lastClaim = -Infinity;
    while (!this.stopping) {
      try {
        if (this.conn.status === 'wait') await this.conn.connect();
        if (!this.groupReady) await this.ensureGroup(this.opts.startId);
        if (!ownPendingChecked) {
          await this.drainOwnPending();
          ownPendingChecked = true;
        }
        if (performance.now() - lastClaim >= claimEveryMs) {
          lastClaim = performance.now();
          await this.claimIdle();
        }
        if (this.stopping) break;
        this.blocking = true;
        const reply = await this.ackThenRead(['GROUP', group, consumer, 'COUNT', count, 'BLOCK', blockMs, 'STREAMS', stream, '>']);
        this.blocking = false;
        this.setState('connected');
        attempt = 0;
        if (reply) for (const [, entries] of reply) await this.handle(entries);
      } catch (error) {
        this.blocking = false;
        if (this.stopping) break;
        if (isNoGroup(error)) {
          this.logger.warn({ stream, group }, 'stream consumer group is gone (Redis restarted?); creating it again');
          this.groupReady = false;
          this.opts.startId = '0';
          continue;
        }
        this.setState('reconnecting');
        this.logger.debug({ err: error, stream, attempt }, 'stream consumer retrying');
        await this.sleep(backoffDelay(attempt++, this.opts.retry));
      }
    }
  }

  private async ensureGroup(startId: '$' | '0'): Promise<void> {
    try {
      await this.conn.call('XGROUP', ['CREATE', this.opts.stream, this.opts.group, startId, 'MKSTREAM']);
    } catch (error) {
      if (!isBusyGroup(error)) throw error;
    }
    this.groupReady = true;
    this.setState('connected');
    this.ready();
  }

  /** Entries delivered to this consumer name before (an earlier run of this node) and never acknowledged. */
  private async drainOwnPending(): Promise<void> {
    const { stream, group, consumer, count } = this.opts;
    let from = '0';
    for (;;) {
      const reply = await this.ackThenRead(['GROUP', group, consumer, 'COUNT', count, 'STREAMS', stream, from]);
      const entries = reply?.[0]?.[1] ?? [];
      if (entries.length === 0 || this.stopping) return;
      await this.handle(entries);
      from = entries[entries.length - 1]![0];
    }
  }

  /** Pending entries idle past claimIdleMs, on any consumer of the group, become this one's and are handled. */
  private async claimIdle(): Promise<void> {
    const { stream, group, consumer, count, claimIdleMs } = this.opts;
    let cursor = '0-0';
    do {
      const [next, entries] = (await this.conn.call('XAUTOCLAIM', [stream, group, consumer, claimIdleMs, cursor, 'COUNT', count])) as [string, RawEntry[]];
      if (entries.length > 0) this.logger.info({ stream, group, claimed: entries.length }, 'claimed idle pending entries');
      await this.handle(entries);
      cursor = next;
    } while (cursor !== '0-0' && !this.stopping);
  }

  private async handle(raw: RawEntry[]): Promise<void> {
    if (raw.length === 0) return;
    const done: string[] = [];
    await Promise.all(raw.map(async ([id, fields]) => {
      // A pending entry trimmed away (MAXLEN) or deleted comes back without fields: nothing to handle.
      if (fields === null) return void done.push(id);
      let entries: StreamEntry[];
      try {
        entries = unpack(id, fields);
      } catch (error) {
        this.drop({ id, body: undefined }, error);
        return void done.push(id);
      }
      try {
        await Promise.all(entries.map((entry) => this.opts.handler(entry)));
        this.failures.delete(id);
        done.push(id);
      } catch (error) {
        const n = (this.failures.get(id) ?? 0) + 1;
        this.failures.set(id, n);
        this.logger.warn({ err: error, stream: this.opts.stream, id, attempt: n }, 'stream entry handler failed');
        if (n >= this.opts.maxAttempts) {
          this.failures.delete(id);
          for (const entry of entries) this.drop(entry, error);
          done.push(id);
        }
      }
    }));
    for (const id of done) this.acks.push(id);
  }

  /** XACK of what was handled, then XREADGROUP, in one write and one wake-up of Redis per batch. A lost XACK means a repeat, not a loss. */
  private async ackThenRead(args: (string | number)[]): Promise<[string, RawEntry[]][] | null> {
    if (this.acks.length === 0) return (await this.conn.call('XREADGROUP', args)) as [string, RawEntry[]][] | null;
    const { stream, group } = this.opts;
    const acks = this.acks.splice(0);
    const [ack, read] = inOneWrite(this.conn, () => [this.conn.call('XACK', [stream, group, ...acks]), this.conn.call('XREADGROUP', args)]);
    ack.catch((error: unknown) => this.logger.debug({ err: error }, 'XACK failed'));
    return (await read) as [string, RawEntry[]][] | null;
  }

  private drop(entry: StreamEntry, error: unknown): void {
    this.logger.error({ err: error, stream: this.opts.stream, id: entry.id }, 'stream entry dropped');
    this.options.onDropped?.(entry, error);
  }

  private setState(state: ConsumerState): void {
    if (state === this.current || this.current === 'stopped') return;
    if (state === 'reconnecting' && this.stopping) return;
    this.current = state;
    this.options.onState?.(state);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
