import { createActor, type Actor } from 'xstate';
import type { Clock } from '../../runtime/clock.js';
import type { OrderBook } from '../types.js';
import { connectionMachine, type ConnectionEmitted, type ConnectionInput } from '../../../machines/connection.machine.js';
import { DepthFeed, type DepthFeedOptions } from './depth-feed.js';

export interface MarketConnectionOptions extends Omit<DepthFeedOptions, 'onSignal' | 'onBook' | 'clock'> {
  machine?: Omit<ConnectionInput, 'venue' | 'symbol'>;
  /** No diff for this long → the market is stale (R14). */
  silenceMs: number;
  onBook: (book: OrderBook) => void;
  /** market.stale / market.live for risk and strategies. */
  onStatus: (e: Extract<ConnectionEmitted, { type: 'market.stale' | 'market.live' }>) => void;
}

/**
 * Hosts one connection machine and carries out its effects on a DepthFeed. Until the actor
 * runtime hosts it, this is the glue: feed signals in as events, machine emissions out as I/O.
 */
export class MarketConnection {
  readonly feed: DepthFeed;
  readonly actor: Actor<typeof connectionMachine>;
  private timer?: NodeJS.Timeout;

  constructor(private readonly opts: MarketConnectionOptions, clock: Clock) {
    this.feed = new DepthFeed({ ...opts, clock, onSignal: (s) => this.actor.send(s), onBook: opts.onBook });
    this.actor = createActor(connectionMachine, { input: { venue: opts.venue, symbol: opts.symbol, ...(opts.machine ?? {}) } });
    this.actor.on('*', (e) => this.effect(e as ConnectionEmitted));
  }

  private effect(e: ConnectionEmitted): void {
    switch (e.type) {
      case 'feed.connect':
        return this.feed.connect();
      case 'feed.disconnect':
        return this.feed.disconnect();
      case 'feed.snapshot':
        return void this.feed.snapshot();
      case 'feed.resubscribe':
        return this.feed.resubscribe();
      case 'market.stale':
      case 'market.live':
        return this.opts.onStatus(e);
    }
  }

  get state(): string {
    return String(this.actor.getSnapshot().value);
  }

  start(): void {
    this.actor.start();
    this.actor.send({ type: 'connection.start' });
    this.timer = setInterval(() => this.feed.checkSilence(this.opts.silenceMs), Math.max(10, Math.floor(this.opts.silenceMs / 4)));
  }

  stop(): void {
    clearInterval(this.timer);
    this.actor.send({ type: 'connection.stop' });
    this.actor.stop();
    this.feed.disconnect();
  }
}
