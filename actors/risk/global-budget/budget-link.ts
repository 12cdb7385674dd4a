import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { GlobalBudget } from './global-budget.js';
import type { JournalShare } from './types.js';

/** What a gate hears from its node's link: the connection lost, and back (not yet rebuilt). */
export interface LinkWatcher {
  lost(epoch: number): void;
  back(epoch: number): void;
}

/** The part of the link a budget gate uses. */
export interface GateLink {
  /** One watcher per key (a restarted gate replaces its own). */
  watch(key: object, watcher: LinkWatcher): void;
  /** Resolves once the node's share is rebuilt since the last loss (at once if it is), with that loss's epoch. */
  rebuilt(): Promise<number>;
}

export interface BudgetLinkOptions {
  redis: Redis;
  budget: GlobalBudget;
  /** The node's share as its journal tells it now (journal-share.ts). Read afresh for every rebuild. */
  share: () => JournalShare | Promise<JournalShare>;
  logger?: Logger;
  /** Wait between failed rebuilds while Redis answers. Default 200 ms. */
  retryMs?: number;
}

/**
 * One node's connection to the cluster budget as its gates see it (RELIABILITY R21). Watches the ioredis client:
 * 'close' / 'end' is a loss (epoch + 1, every gate told), 'ready' after one is Redis back (gates told; Redis may have
 * come back empty). Then, once per loss, the node's share is rebuilt from its journal, whoever asks first (the link
 * itself on 'ready', or any gate); every gate waits for that one rebuild. A loss during a rebuild means another one.
 */
export class BudgetLink implements GateLink {
  private epoch = 0;
  private rebuiltEpoch = -1;
  private down: boolean;
  private closed = false;
  private running: Promise<number> | undefined;
  private readyWaiters: Array<() => void> = [];
  private readonly watchers = new Map<object, LinkWatcher>();
  private readonly onLost = () => this.lost();
  private readonly onReady = () => this.ready();
  /** The last rebuild: how long it took and what it held again. */
  last: { epoch: number; ms: number; positions: number; working: number; fills: number } | undefined;

  constructor(private readonly o: BudgetLinkOptions) {
    this.down = o.redis.status !== 'ready';
    o.redis.on('close', this.onLost);
    o.redis.on('end', this.onLost);
    o.redis.on('ready', this.onReady);
  }

  /** Losses of the connection so far. */
  get losses(): number {
    return this.epoch;
  }

  watch(key: object, watcher: LinkWatcher): void {
    if (this.closed) return;
    this.watchers.set(key, watcher);
    if (this.down) watcher.lost(this.epoch);
  }

  rebuilt(): Promise<number> {
    if (!this.down && this.rebuiltEpoch === this.epoch) return Promise.resolve(this.epoch);
    return (this.running ??= this.loop().finally(() => (this.running = undefined)));
  }

  /** Stops watching; a rebuild waited for rejects. */
  close(): void {
    this.closed = true;
    this.o.redis.off('close', this.onLost);
    this.o.redis.off('end', this.onLost);
    this.o.redis.off('ready', this.onReady);
    this.watchers.clear();
    for (const wake of this.readyWaiters.splice(0)) wake();
  }

  private lost(): void {
    if (this.down || this.closed) return;
    this.down = true;
    this.epoch += 1;
    this.o.logger?.warn({ epoch: this.epoch }, 'global budget: Redis connection lost; gates closed to new exposure until the share is rebuilt');
    for (const w of this.watchers.values()) w.lost(this.epoch);
  }

  private ready(): void {
    if (!this.down || this.closed) return;
    this.down = false;
    for (const w of this.watchers.values()) w.back(this.epoch);
    for (const wake of this.readyWaiters.splice(0)) wake();
    this.rebuilt().catch(() => {});
  }

  private async loop(): Promise<number> {
    while (!this.closed) {
      if (this.down) {
        await new Promise<void>((wake) => this.readyWaiters.push(wake));
        continue;
      }
      const epoch = this.epoch;
      try {
        const started = performance.now();
        const share = await this.o.share();
        await this.o.budget.rebuildFrom(share);
        if (epoch === this.epoch && !this.down) {
          this.rebuiltEpoch = epoch;
          this.last = { epoch, ms: performance.now() - started, positions: share.positions.length, working: share.working.length, fills: share.fillIds.length };
          this.o.logger?.info(this.last, "global budget: this node's share rebuilt from its journal");
          return epoch;
        }
      } catch (err) {
        this.o.logger?.warn({ epoch, err }, 'global budget: rebuild failed; trying again');
        await new Promise((r) => setTimeout(r, this.o.retryMs ?? 200).unref());
      }
    }
    throw new Error('global budget: the node left the cluster before its share was rebuilt');
  }
}
