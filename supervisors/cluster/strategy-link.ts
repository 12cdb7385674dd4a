import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ActorSystem } from '../../actors/runtime/system.js';
import type { SimulatedClock } from '../../actors/runtime/clock.js';
import type { Venue } from '../../actors/venues/venue.js';
import type { VenueFill } from '../../machines/order.machine.js';
import type { Family } from '../../actors/strategies/catalogue/strategy-declaration.js';
import type { ReplayResult } from '../../actors/market-data/replay/candle-replay.js';
import { StreamConsumer } from '../../actors/runtime/streams/stream-consumer.js';
import { RemoteVenue } from '../../actors/venues/remote/remote-venue.js';
import { ReplyInbox } from '../../actors/venues/remote/reply-inbox.js';
import { OrderWatch } from '../live-order-watch.js';
import { UnknownOrders } from './unknown-orders.js';
import { accountVenueId, clusterKeys, type MarketEntry } from './cluster-keys.js';

/** A candle family of this node, as the link feeds it. */
export interface LinkTarget {
  system: ActorSystem;
  venue: Venue;
}

export interface FeedOptions {
  targets: readonly LinkTarget[];
  clock: SimulatedClock;
  maxWallMs?: number;
  shouldStop?: () => boolean;
}

/** How often each family asks the venue node about its working orders: the fills a lost stream entry did not bring. */
const WATCH_EVERY_MS = 1_000;

/**
 * A strategy node's link to the venue node: a remote account per candle family, the market stream (each node reads it
 * in a consumer group of its own, so each sees every bar), and its fill stream. Fills come twice over: on the fill
 * stream as the venue node matches them, and from an order watch that asks about working orders every second (an
 * entry a restarted Redis lost is learned there); execution counts each fill id once. Orders left unknown (a create
 * whose request or reply Redis lost) are asked about again every second until settled.
 */
export class StrategyLink {
  private constructor(
    private readonly redis: Redis,
    private readonly node: string,
    private readonly logger: Logger,
    private readonly inbox: ReplyInbox,
    private readonly venues: ReadonlyMap<string, RemoteVenue>,
  ) {}

  /** Opens this node's accounts for `families` at the venue node, waiting up to `waitMs` for it to answer. */
  static async open(redis: Redis, node: string, logger: Logger, families: readonly Family[], waitMs = 60_000): Promise<StrategyLink> {
    const inbox = await ReplyInbox.open(redis, { node, logger });
    const venues = new Map<string, RemoteVenue>();
    const until = performance.now() + waitMs;
    try {
      for (const family of families) {
        const venueId = accountVenueId(family, node);
        for (;;) {
          try {
            venues.set(venueId, await RemoteVenue.connect(redis, { node, venueId, inbox, logger }));
            break;
          } catch (err) {
            if (performance.now() > until) throw new Error(`no venue node answered for ${venueId} within ${waitMs} ms: ${(err as Error).message}`);
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        }
      }
    } catch (err) {
      await inbox.close();
      throw err;
    }
    return new StrategyLink(redis, node, logger, inbox, venues);
  }

  venueFor(family: Family): Venue {
    const venue = this.venues.get(accountVenueId(family, this.node));
    if (!venue) throw new Error(`cluster link: no account for ${family} was opened`);
    return venue;
  }

  /** Feeds the market to the families until the venue node's `end`, maxWallMs or shouldStop. */
  async feed(o: FeedOptions): Promise<ReplayResult> {
    const started = performance.now();
    const byVenue = new Map(o.targets.map((t) => [t.venue.id, t.system]));
    let bars = 0;
    let marketEnded = false;
    let ended!: () => void;
    const end = new Promise<void>((resolve) => (ended = resolve));
    const market = new StreamConsumer(this.redis, {
      stream: clusterKeys.market,
      group: `market:${this.node}`,
      consumer: this.node,
      startId: '0',
      count: 1,
      claimIdleMs: 5_000,
      logger: this.logger,
      handler: ({ body }) => {
        const entry = body as MarketEntry;
        if (entry.kind === 'end') {
          marketEnded = true;
          return ended();
        }
        const close = entry.candle.ts + entry.timeframeMs;
        if (close > o.clock.now()) o.clock.set(close);
        for (const t of o.targets) t.system.publish({ type: 'candle.closed', venue: t.venue.id, symbol: entry.symbol, candle: entry.candle });
        bars += 1;
      },
    });
    const fills = new StreamConsumer(this.redis, {
      stream: clusterKeys.fills(this.node),
      group: 'fills',
      consumer: this.node,
      startId: '0',
      claimIdleMs: 5_000,
      logger: this.logger,
      handler: ({ body }) => {
        const { venue, fill } = body as { venue: string; fill: VenueFill };
        byVenue.get(venue)?.publish({ type: 'venue.fill', clientOrderId: fill.clientOrderId, fill, to: 'execution' });
      },
    });
    const watches = o.targets.map((t) => ({ system: t.system, watch: new OrderWatch(t.system, t.venue, this.logger), unknown: new UnknownOrders(t.system) }));
    let watching = Promise.resolve();
    const timer = setInterval(() => {
      watching = watching.then(async () => {
        for (const w of watches) {
          await w.system.whenQuiescent();
          await w.watch.check();
          w.unknown.requery();
        }
      });
    }, WATCH_EVERY_MS);
    await Promise.all([market.start(), fills.start()]);
    await this.redis.set(clusterKeys.ready(this.node), '1');
    const poll = setInterval(() => {
      if (o.shouldStop?.() || (o.maxWallMs !== undefined && performance.now() - started >= o.maxWallMs)) ended();
    }, 50);
    await end;
    clearInterval(poll);
    clearInterval(timer);
    await watching;
    await Promise.all([market.stop(), fills.stop()]);
    // The last word on every working order, now that no bar will move them.
    for (const w of watches) {
      await w.system.whenQuiescent();
      await w.watch.check();
    }
    return { bars, wallMs: performance.now() - started, stoppedEarly: !marketEnded };
  }

  /** After the stop: the venue node may close this node's accounts. */
  async done(): Promise<void> {
    await this.redis.set(clusterKeys.done(this.node), '1').catch((err: unknown) => this.logger.warn({ err }, 'could not tell the venue node this node is done'));
    await Promise.all([...this.venues.values()].map((v) => v.close()));
    await this.inbox.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
