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
import { accountVenueId, clusterKeys, type MarketEntry, type UniverseEntry } from './cluster-keys.js';
import { marketEndDelivered } from './market-end-delivered.js';
import { EntryAge, LagStatus } from './market-lag.js';

/** A family of this node, as the link feeds it. */
export interface LinkTarget {
  system: ActorSystem;
  venue: Venue;
}

/** The universe family of this node: its steps come on the universe stream, and move its own clock. */
export interface StepTarget extends LinkTarget {
  clock: SimulatedClock;
  onStep(): void;
}

export interface FeedOptions {
  targets: readonly LinkTarget[];
  clock: SimulatedClock;
  /** The universe family, when the venue node serves it: the feed ends once both markets ended. */
  universe?: StepTarget;
  maxWallMs?: number;
  shouldStop?: () => boolean;
  /** A bar read longer than this after the venue node sent it reports its market stale until one arrives in time (cluster.maxMarketLagMs). */
  maxLagMs: number;
}

/** How often each family asks the venue node about its working orders: the fills a lost stream entry did not bring. */
const WATCH_EVERY_MS = 1_000;
/** How often the offset of Redis's clock to this node's is measured again. */
const CLOCK_SYNC_EVERY_MS = 5_000;
/** How often this node says again that it is ready. */
const READY_EVERY_MS = 1_000;

/**
 * A strategy node's link to the venue node: a remote account per family, the market stream (each node reads it
 * in a consumer group of its own, so each sees every bar), the universe stream when the venue node serves the
 * universe family (read the same way, each step moving that family's own clock), and its fill stream. Fills come twice over: on the fill
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
      // A run of this node is up: the venue node waits for its cancels, whatever an earlier run said when it stopped.
      await redis.del(clusterKeys.done(node));
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
    const targets = [...o.targets, ...(o.universe ? [o.universe] : [])];
    const byVenue = new Map(targets.map((t) => [t.venue.id, t.system]));
    let bars = 0;
    let marketEnded = false;
    let universeEnded = o.universe === undefined;
    let ended!: () => void;
    const end = new Promise<void>((resolve) => (ended = resolve));
    const endedBoth = () => {
      if (marketEnded && universeEnded) ended();
    };
    const consume = (stream: string, group: string, handler: (body: unknown, id: string) => void) =>
      new StreamConsumer(this.redis, { stream, group: `${group}:${this.node}`, consumer: this.node, startId: '0', count: 1, claimIdleMs: 5_000, logger: this.logger, handler: ({ body, id }) => handler(body, id) });
    // A restarted node (or one that cannot keep up) reads bars the venue node sent a while ago: the families take them
    // in, but risk vetoes trading on them, as a real feed that fell behind would be.
    const age = new EntryAge(this.redis);
    await age.sync();
    const resync = setInterval(() => void age.sync(), CLOCK_SYNC_EVERY_MS);
    const lag = new LagStatus(o.maxLagMs);
    const report = (system: ActorSystem, venue: string, symbol: string, lagMs: number, closeTs: number) => {
      const status = lag.update(venue, symbol, lagMs, closeTs);
      if (status) system.publish(status);
    };
    const market = consume(clusterKeys.market, 'market', (body, id) => {
      const entry = body as MarketEntry;
      if (entry.kind === 'end') {
        this.logger.info({ node: this.node, bars: entry.bars }, 'cluster link: the market ended');
        marketEnded = true;
        return endedBoth();
      }
      const close = entry.candle.ts + entry.timeframeMs;
      if (close > o.clock.now()) o.clock.set(close);
      const lagMs = age.ofEntry(id);
      for (const t of o.targets) {
        report(t.system, t.venue.id, entry.symbol, lagMs, close);
        t.system.publish({ type: 'candle.closed', venue: t.venue.id, symbol: entry.symbol, candle: entry.candle });
      }
      bars += 1;
    });
    const u = o.universe;
    const universe = u
      ? consume(clusterKeys.universe, 'universe', (body, id) => {
          const entry = body as UniverseEntry;
          if (entry.kind === 'end') {
            this.logger.info({ node: this.node, steps: entry.steps }, 'cluster link: the universe ended');
            universeEnded = true;
            return endedBoth();
          }
          const close = entry.ts + entry.timeframeMs;
          if (close > u.clock.now()) u.clock.set(close);
          const lagMs = age.ofEntry(id);
          for (const bar of entry.bars) report(u.system, u.venue.id, bar.symbol, lagMs, close);
          u.system.publish({ type: 'candles.closed', venue: u.venue.id, bars: entry.bars });
          u.onStep();
        })
      : undefined;
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
    const watches = targets.map((t) => ({ system: t.system, watch: new OrderWatch(t.system, t.venue, this.logger), unknown: new UnknownOrders(t.system) }));
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
    await Promise.all([market.start(), fills.start(), universe?.start()]);
    // An earlier run of this node, killed after the market's `end` was delivered to it, took it along: no entry brings it again.
    if (await marketEndDelivered(this.redis, clusterKeys.market, `market:${this.node}`).catch(() => false)) {
      this.logger.info({ node: this.node }, 'cluster link: an earlier run of this node already read the end of the market');
      marketEnded = true;
      endedBoth();
    }
    if (universe && (await marketEndDelivered(this.redis, clusterKeys.universe, `universe:${this.node}`).catch(() => false))) {
      this.logger.info({ node: this.node }, 'cluster link: an earlier run of this node already read the end of the universe');
      universeEnded = true;
      endedBoth();
    }
    await this.redis.set(clusterKeys.ready(this.node), '1');
    // Said again every second: a Redis restarted before the venue node read it would otherwise have lost it for good.
    const readyAgain = setInterval(() => void this.redis.set(clusterKeys.ready(this.node), '1').catch(() => {}), READY_EVERY_MS);
    const poll = setInterval(() => {
      if (o.shouldStop?.() || (o.maxWallMs !== undefined && performance.now() - started >= o.maxWallMs)) ended();
    }, 50);
    await end;
    clearInterval(readyAgain);
    clearInterval(resync);
    clearInterval(poll);
    clearInterval(timer);
    await watching;
    await Promise.all([market.stop(), fills.stop(), universe?.stop()]);
    // The last word on every working order, now that no bar will move them.
    for (const w of watches) {
      await w.system.whenQuiescent();
      await w.watch.check();
    }
    return { bars, wallMs: performance.now() - started, stoppedEarly: !(marketEnded && universeEnded) };
  }

  /** After the stop: the venue node may close this node's accounts. */
  async done(): Promise<void> {
    await this.redis.set(clusterKeys.done(this.node), '1').catch((err: unknown) => this.logger.warn({ err }, 'could not tell the venue node this node is done'));
    await Promise.all([...this.venues.values()].map((v) => v.close()));
    await this.inbox.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
