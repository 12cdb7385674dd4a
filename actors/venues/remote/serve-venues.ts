import type { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import type { Venue, VenueOrder, VenueOrderRequest } from '../venue.js';
import type { Clock } from '../../runtime/clock.js';
import { SystemClock } from '../../runtime/clock.js';
import { VenueUnavailableError } from '../../runtime/errors.js';
import { StreamConsumer, type ConsumerState } from '../../runtime/streams/stream-consumer.js';
import { StreamPublisher } from '../../runtime/streams/stream-publisher.js';
import { SERVER_GROUP, venueStreamKeys } from './venue-keys.js';
import type { OrderEvent, VenueDescription, VenueReply, VenueRequest } from './venue-protocol.js';
import { toWire } from './wire-error.js';

export interface ServeVenuesOptions {
  /** This node's id: its consumer name in each request group, and the `node` of its order events. */
  node: string;
  prefix?: string;
  clock?: Clock;
  logger?: Logger;
  /** MAXLEN ~ of the reply and order-event streams. Default 100,000. */
  maxLen?: number;
  /** A request pending this long on a dead serving node is taken over. Default 5,000. */
  claimIdleMs?: number;
  /** createOrder outcomes remembered per venue against repeats. Default 100,000. */
  idempotencyWindow?: number;
  onState?: (venue: string, state: ConsumerState) => void;
}

export interface VenueServer {
  /** Each venue's request reader: connected or reconnecting. */
  states(): Record<string, ConsumerState>;
  stop(): Promise<void>;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const settle = (p: Promise<unknown>): Promise<Outcome> => p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));

/**
 * The node that owns the venues answers Venue calls from other nodes: it reads each venue's request stream in the
 * group `venue-server`, calls the real venue, and replies on the asker's reply stream. A createOrder is placed at most
 * once per clientOrderId in this process: a repeat (re-sent, redelivered, claimed from a dead reader) gets the first
 * one's outcome, and a cancel or fetch of that id waits for a create still in flight. A createOrder served past its
 * deadline (the asker timed out and will reconcile by id) is refused, never placed. Every order result and every fill
 * not published before goes to the order-events stream.
 */
export async function serveVenues(redis: Redis, venues: readonly Venue[], options: ServeVenuesOptions): Promise<VenueServer> {
  const keys = venueStreamKeys(options.prefix);
  const clock = options.clock ?? new SystemClock();
  const logger = options.logger ?? pino({ level: 'silent' });
  const maxLen = options.maxLen ?? 100_000;
  const window = options.idempotencyWindow ?? 100_000;
  const repliers = new Map<string, StreamPublisher>();
  const events = new StreamPublisher(redis, { stream: keys.orderEvents, maxLen });
  const publishedFills = new Set<string>();
  const consumers = new Map<string, StreamConsumer>();

  const reply = (stream: string, body: VenueReply) => {
    let publisher = repliers.get(stream);
    if (!publisher) repliers.set(stream, (publisher = new StreamPublisher(redis, { stream, maxLen })));
    return publisher.publish(body);
  };

  const report = (venue: string, order: VenueOrder | undefined) => {
    if (!order) return;
    const { fills, ...rest } = order;
    const out: Promise<string>[] = [events.publish({ kind: 'order', node: options.node, venue, order: rest } satisfies OrderEvent)];
    for (const fill of fills) {
      if (publishedFills.has(fill.fillId)) continue;
      publishedFills.add(fill.fillId);
      if (publishedFills.size > window * 4) publishedFills.delete(publishedFills.values().next().value!);
      out.push(events.publish({ kind: 'fill', node: options.node, venue, fill } satisfies OrderEvent));
    }
    for (const p of out) p.catch((error: unknown) => logger.warn({ err: error, venue }, 'order event not published'));
  };

  for (const venue of venues) {
    const creates = new Map<string, Promise<Outcome>>();
    const call = (request: VenueRequest): Promise<unknown> => {
      const args = request.args;
      switch (request.op) {
        case 'describe':
          return Promise.resolve({ id: venue.id, capabilities: venue.capabilities, fees: venue.fees, inProcess: venue.inProcess } satisfies VenueDescription);
        case 'createOrder': {
          const order = args[0] as VenueOrderRequest;
          const first = creates.get(order.clientOrderId);
          if (first) return first.then((o) => (o.ok ? o.value : Promise.reject(o.error)));
          if (clock.now() > request.deadline) {
            return Promise.reject(new VenueUnavailableError(`${venue.id}: createOrder ${order.clientOrderId} reached the venue node after its deadline; not placed`));
          }
          const outcome = settle(venue.createOrder(order).then((placed) => (report(venue.id, placed), placed)));
          creates.set(order.clientOrderId, outcome);
          if (creates.size > window) creates.delete(creates.keys().next().value!);
          return outcome.then((o) => (o.ok ? o.value : Promise.reject(o.error)));
        }
        case 'cancelOrder':
        case 'fetchOrderByClientId': {
          const [clientOrderId, symbol] = args as [string, string];
          const pending = creates.get(clientOrderId) ?? Promise.resolve();
          const run = () => (request.op === 'cancelOrder' ? venue.cancelOrder(clientOrderId, symbol) : venue.fetchOrderByClientId(clientOrderId, symbol));
          return pending.then(run).then((order) => (report(venue.id, order), order));
        }
        case 'fetchOrderBook':
          return venue.fetchOrderBook(args[0] as string, args[1] as number | undefined);
        case 'fetchBalance':
          return venue.fetchBalance();
        default:
          return Promise.reject(new VenueUnavailableError(`${venue.id}: unknown remote op ${JSON.stringify(request.op)}`));
      }
    };
    const consumer = new StreamConsumer(redis, {
      stream: keys.requests(venue.id), group: SERVER_GROUP, consumer: options.node, startId: '0',
      claimIdleMs: options.claimIdleMs ?? 5_000, logger,
      onState: (state) => options.onState?.(venue.id, state),
      handler: async ({ body }) => {
        const request = body as VenueRequest;
        const outcome = await settle(call(request));
        if (!outcome.ok) logger.info({ venue: venue.id, op: request.op, err: outcome.error }, 'remote venue call failed');
        // Throws if Redis refuses: the request stays pending and its repeat is answered from what happened here.
        await reply(request.replyTo, outcome.ok ? { requestId: request.requestId, ok: true, value: outcome.value ?? null } : { requestId: request.requestId, ok: false, error: toWire(outcome.error) });
      },
    });
    consumers.set(venue.id, consumer);
  }
  await Promise.all([...consumers.values()].map((c) => c.start()));
  return {
    states: () => Object.fromEntries([...consumers].map(([id, c]) => [id, c.state])),
    stop: async () => {
      await Promise.all([...consumers.values()].map((c) => c.stop()));
    },
  };
}
