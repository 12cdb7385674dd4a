import type { ActorSpec, EffectContext } from '../../runtime/actor-spec.js';
import { connectionMachine, type ConnectionInput } from '../../../machines/connection.machine.js';
import { DepthFeed, type DepthFeedOptions } from './depth-feed.js';

export interface MarketConnectionActorOptions extends Omit<DepthFeedOptions, 'onSignal' | 'onBook' | 'clock'> {
  machine?: Omit<ConnectionInput, 'venue' | 'symbol' | 'autoStart'>;
  /** No diff for this long → the market is stale (R14). */
  silenceMs: number;
}

/**
 * One market's data connection as an actor of the system: the connection machine decides, these
 * effects do the socket and snapshot I/O. Feed signals come back to the actor as messages; books go
 * out as book.updated; market.stale / market.live are the machine's own emissions.
 */
export function marketConnectionActor(o: MarketConnectionActorOptions): ActorSpec & { close(): void } {
  let feed: DepthFeed | undefined;
  let timer: NodeJS.Timeout | undefined;
  const ensure = (ctx: EffectContext): DepthFeed => {
    if (feed) return feed;
    const at = { venue: o.venue, symbol: o.symbol };
    feed = new DepthFeed({
      ...o,
      clock: ctx.clock,
      onSignal: (s) => ctx.reply({ ...s, ...at } as never),
      onBook: (book) => ctx.publish({ type: 'book.updated', book }),
    });
    timer = setInterval(() => feed?.checkSilence(o.silenceMs), Math.max(10, Math.floor(o.silenceMs / 4)));
    timer.unref();
    return feed;
  };
  return {
    name: `connection:${o.venue}:${o.symbol}`,
    machine: connectionMachine,
    input: { venue: o.venue, symbol: o.symbol, ...(o.machine ?? {}), autoStart: true },
    persist: false,
    effects: {
      'feed.connect': (_e, ctx) => ensure(ctx).connect(),
      'feed.snapshot': (_e, ctx) => ensure(ctx).snapshot(),
      'feed.resubscribe': (_e, ctx) => ensure(ctx).resubscribe(),
      'feed.disconnect': () => {
        feed?.disconnect();
      },
    },
    /** Closes the socket and timer (the runtime has no stop hook for effects' resources). */
    close() {
      clearInterval(timer);
      feed?.disconnect();
    },
  };
}
