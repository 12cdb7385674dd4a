import type { Redis } from 'ioredis';
import type { OrderBook } from '../../market-data/types.js';
import type { Balance, Venue, VenueCapabilities, VenueOrder, VenueOrderRequest } from '../venue.js';
import { ReplyInbox, type ReplyInboxOptions } from './reply-inbox.js';
import type { VenueDescription } from './venue-protocol.js';

export interface RemoteVenueOptions extends ReplyInboxOptions {
  venueId: string;
  /** How long a call waits for its reply before VenueUnavailableError. Default 2,000. */
  timeoutMs?: number;
  /** Share one inbox among the node's remote venues; without it the venue opens its own and closes it on close(). */
  inbox?: ReplyInbox;
}

/**
 * A venue another node owns, over Redis Streams (serveVenues on that node). No reply in time is VenueUnavailableError,
 * so execution treats a create as UNKNOWN and reconciles by clientOrderId; the venue's own errors come back as the
 * same classes. Safe to repeat a create: the serving node places one order per clientOrderId.
 */
export class RemoteVenue implements Venue {
  readonly id: string;
  readonly capabilities: VenueCapabilities;
  readonly fees: { maker: number; taker: number };
  /**
   * False whatever the served venue says: its orders live in the serving node's memory, which outlives this process.
   * A restarted asker that does not find an order there never placed it (a create served past its deadline is refused).
   */
  readonly inProcess = false;
  private readonly timeoutMs: number;

  private constructor(private readonly inbox: ReplyInbox, private readonly ownsInbox: boolean, description: VenueDescription, timeoutMs: number) {
    this.id = description.id;
    this.capabilities = description.capabilities;
    this.fees = description.fees;
    this.timeoutMs = timeoutMs;
  }

  /** Asks the serving node what the venue is (capabilities, fees); fails with VenueUnavailableError if no node answers. */
  static async connect(redis: Redis, options: RemoteVenueOptions): Promise<RemoteVenue> {
    const inbox = options.inbox ?? (await ReplyInbox.open(redis, options));
    const timeoutMs = options.timeoutMs ?? 2_000;
    try {
      const description = (await inbox.request(options.venueId, 'describe', [], timeoutMs)) as VenueDescription;
      return new RemoteVenue(inbox, !options.inbox, description, timeoutMs);
    } catch (error) {
      if (!options.inbox) await inbox.close();
      throw error;
    }
  }

  createOrder(request: VenueOrderRequest): Promise<VenueOrder> {
    return this.call('createOrder', [request]) as Promise<VenueOrder>;
  }

  cancelOrder(clientOrderId: string, symbol: string): Promise<VenueOrder> {
    return this.call('cancelOrder', [clientOrderId, symbol]) as Promise<VenueOrder>;
  }

  async fetchOrderByClientId(clientOrderId: string, symbol: string): Promise<VenueOrder | undefined> {
    return ((await this.call('fetchOrderByClientId', [clientOrderId, symbol])) as VenueOrder | null) ?? undefined;
  }

  fetchOrderBook(symbol: string, limit?: number): Promise<OrderBook> {
    return this.call('fetchOrderBook', limit === undefined ? [symbol] : [symbol, limit]) as Promise<OrderBook>;
  }

  fetchBalance(): Promise<Record<string, Balance>> {
    return this.call('fetchBalance', []) as Promise<Record<string, Balance>>;
  }

  async close(): Promise<void> {
    if (this.ownsInbox) await this.inbox.close();
  }

  private call(op: Parameters<ReplyInbox['request']>[1], args: unknown[]): Promise<unknown> {
    return this.inbox.request(this.id, op, args, this.timeoutMs);
  }
}
