import ccxt from 'ccxt';
import type { Exchange, Order, Trade } from 'ccxt';
import type { Clock } from '../../runtime/clock.js';
import { VenueUnavailableError, type ArbiterError } from '../../runtime/errors.js';
import { withRetries, type RetryPolicy } from '../../runtime/retry.js';
import type { OrderBook } from '../../market-data/types.js';
import type { Fill } from '../../ledger/types.js';
import type { Balance, Venue, VenueCapabilities, VenueOrder, VenueOrderRequest, VenueOrderStatus } from '../venue.js';
import { ClockSkewError, classify, toArbiterError } from './error-table.js';
import { withPool } from './http-pool.js';
import { NETWORK_DEFAULTS, retryPolicyOf, type NetworkOptions } from './network-options.js';

export type { NetworkOptions } from './network-options.js';

export interface VenueRetry {
  op: string;
  /** 1-based number of the attempt that failed. */
  attempt: number;
  delayMs: number;
  error: ArbiterError;
}

export interface CcxtVenueOptions {
  /** Our name for the venue (several venues may share one exchange id). */
  id: string;
  /** Any ccxt exchange id: 'binance', 'kraken', … */
  exchangeId: string;
  /** Passed in by the caller (config reads the environment); never read here. */
  credentials: { apiKey: string; secret: string; password?: string };
  clock: Clock;
  /** Merged into the ccxt instance's `urls.api` (e.g. a local exchange). */
  apiUrls?: Record<string, unknown>;
  /** Merged into ccxt `options`. */
  options?: Record<string, unknown>;
  /** Field by field over the config defaults. */
  network?: Partial<NetworkOptions>;
  fees?: { maker: number; taker: number };
  /** Waits for a 429's Retry-After and between retries; injectable so tests can observe it. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source of the retry backoff (default Math.random). */
  random?: () => number;
  /** Told before each retry's wait (logging, counting). */
  onRetry?: (retry: VenueRetry) => void;
  /** The exchange runs inside this process (a local exchange): its orders end with the process. */
  inProcess?: boolean;
}

/** Binance options so loadMarkets only calls spot exchangeInfo (no sapi/margin/futures). */
const SPOT_ONLY: Record<string, Record<string, unknown>> = {
  binance: { fetchMarkets: { types: ['spot'] }, fetchCurrencies: false, fetchMargins: false },
};

const STATUS: Record<string, VenueOrderStatus> = { open: 'open', closed: 'closed', canceled: 'canceled', expired: 'canceled', rejected: 'rejected' };

/**
 * A venue over real ccxt (REST; ccxt.pro for streams). Exchange errors go through one table
 * (error-table.ts). A timeout or 5xx on create surfaces as VenueUnavailableError: the outcome is
 * UNKNOWN and the caller resolves it with fetchOrderByClientId, never by posting again.
 *
 * Reads (fetchTime, loadMarkets, fetchOrder, fetchMyTrades, fetchOrderBook, fetchBalance) are retried
 * `network.retries` times with exponential backoff and jitter when they fail with VenueUnavailableError
 * (network error, timeout, 5xx); a 429 is not retried but pauses every call for its Retry-After.
 * Creates and cancels are sent once. A cancel that failed may still have landed, and repeating it
 * answers "unknown order" (-2011) whether our first cancel worked or the order had filled: like a
 * create, it is resolved by querying the order (execution does so on any cancel failure).
 */
export class CcxtVenue implements Venue {
  readonly id: string;
  readonly exchange: Exchange;
  readonly fees: { maker: number; taker: number };
  readonly capabilities: VenueCapabilities;
  readonly inProcess: boolean;
  /** Exchange clock minus ours, ms, from the last measurement. */
  clockSkewMs = 0;
  /** Retries of reads made so far (each one announced to `onRetry` first). */
  retried = 0;
  private pausedUntil = 0;
  private readonly reported = new Map<string, Set<string>>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly network: NetworkOptions;
  private readonly retryPolicy: RetryPolicy;
  private marketsLoaded?: Promise<unknown>;
  private marketsFailed = false;

  constructor(private readonly opts: CcxtVenueOptions) {
    this.id = opts.id;
    this.inProcess = opts.inProcess ?? false;
    const Pro = (ccxt.pro as unknown as Record<string, new (c: object) => Exchange>)[opts.exchangeId];
    const Rest = (ccxt as unknown as Record<string, new (c: object) => Exchange>)[opts.exchangeId];
    const Ctor = Pro ?? Rest;
    if (!Ctor) throw new Error(`unknown ccxt exchange id "${opts.exchangeId}"`);
    this.network = { ...NETWORK_DEFAULTS, ...opts.network };
    this.retryPolicy = retryPolicyOf(this.network);
    const Pooled = withPool(Ctor, { keepAlive: this.network.keepAlive, maxSockets: this.network.maxSockets });
    this.exchange = new Pooled({
      apiKey: opts.credentials.apiKey,
      secret: opts.credentials.secret,
      ...(opts.credentials.password ? { password: opts.credentials.password } : {}),
      enableRateLimit: true,
      timeout: this.network.timeoutMs,
      options: { ...(SPOT_ONLY[opts.exchangeId] ?? {}), ...(opts.options ?? {}) },
    });
    if (opts.apiUrls) Object.assign(this.exchange.urls['api'] as Record<string, unknown>, opts.apiUrls);
    this.fees = opts.fees ?? { maker: 0.001, taker: 0.001 };
    const has = this.exchange.has;
    this.capabilities = { cancelOrder: !!has['cancelOrder'], fetchOrderByClientId: !!has['fetchOrder'], watchOrderBook: !!has['watchOrderBook'] };
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  private retryAfterMs(): number {
    const h = (this.exchange.last_response_headers ?? {}) as Record<string, string>;
    const v = Number(h['retry-after'] ?? h['Retry-After']);
    return Number.isFinite(v) && v > 0 ? v * 1000 : 1000;
  }

  /** Runs one exchange call behind the 429 gate; maps its error through the table. */
  private async call<T>(op: string, fn: () => Promise<T>): Promise<T> {
    const wait = this.pausedUntil - this.opts.clock.now();
    if (wait > 0) await this.sleep(wait);
    try {
      return await fn();
    } catch (err) {
      const mapped = toArbiterError(err, this.id, op, this.retryAfterMs());
      if (classify(err) === 'rate-limited') this.pausedUntil = this.opts.clock.now() + this.retryAfterMs();
      throw mapped;
    }
  }

  /** An idempotent request: retried with backoff while it fails with VenueUnavailableError. */
  private read<T>(op: string, fn: () => Promise<T>): Promise<T> {
    return withRetries(() => this.call(op, fn), this.retryPolicy, {
      retryable: (err) => err instanceof VenueUnavailableError,
      sleep: this.sleep,
      random: this.opts.random,
      onRetry: ({ attempt, delayMs, error }) => {
        this.retried += 1;
        this.opts.onRetry?.({ op, attempt, delayMs, error: error as ArbiterError });
      },
    });
  }

  /** Loads the exchange's markets once (retried as a read); later calls reuse them. */
  async loadMarkets(): Promise<void> {
    await this.ensureMarkets();
  }

  private ensureMarkets(): Promise<unknown> {
    // ccxt needs an http agent before it opens a plain ws:// URL (a local exchange).
    const plainWs = JSON.stringify(this.opts.apiUrls ?? {}).includes('"ws://');
    this.marketsLoaded ??= this.read('loadMarkets', async () => {
      if (plainWs) await this.exchange.loadHttpProxyAgent();
      // ccxt keeps a failed load's promise and hands it back to every later call: after a failure, load again.
      try {
        const markets = await this.exchange.loadMarkets(this.marketsFailed);
        this.marketsFailed = false;
        return markets;
      } catch (err) {
        this.marketsFailed = true;
        throw err;
      }
    }).catch((err) => {
      this.marketsLoaded = undefined;
      throw err;
    });
    return this.marketsLoaded;
  }

  /** Measures the exchange clock against ours (midpoint of the round trip) and makes ccxt sign with exchange time. */
  async syncClock(): Promise<number> {
    // Timed inside the attempt: a retry's wait is not part of the round trip.
    const [t0, server, t1] = await this.read('fetchTime', async () => {
      const sent = this.opts.clock.now();
      const time = await this.exchange.fetchTime();
      return [sent, time, this.opts.clock.now()] as const;
    });
    this.clockSkewMs = Number(server) - (t0 + t1) / 2;
    // ccxt binance signs with milliseconds() - options.timeDifference.
    this.exchange.options['timeDifference'] = -Math.round(this.clockSkewMs);
    return this.clockSkewMs;
  }

  /** A -1021 means the exchange refused before doing anything: resync once and repeat with the same id. */
  private async withSkewRetry<T>(op: string, fn: () => Promise<T>, send: 'once' | 'read'): Promise<T> {
    const attempt = () => (send === 'read' ? this.read(op, fn) : this.call(op, fn));
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof ClockSkewError)) throw err;
      await this.syncClock();
      return attempt();
    }
  }

  async createOrder(req: VenueOrderRequest): Promise<VenueOrder> {
    await this.ensureMarkets();
    try {
      const o = await this.withSkewRetry('createOrder', () =>
        // A market order's price is only a reference: passing it would make ccxt send a quote amount
        // (quoteOrderQty) instead of the exact base amount asked for.
        this.exchange.createOrder(req.symbol, req.type, req.side, req.amount, req.type === 'market' ? undefined : req.price, { clientOrderId: req.clientOrderId }),
        'once',
      );
      return this.toVenueOrder(o, req.clientOrderId, o.trades ?? []);
    } catch (err) {
      // The exchange already holds this id (an earlier attempt did land): report that order, never a second one.
      if (classify((err as Error).cause) === 'duplicate') {
        const existing = await this.fetchOrderByClientId(req.clientOrderId, req.symbol);
        if (existing) return existing;
      }
      throw err;
    }
  }

  async cancelOrder(clientOrderId: string, symbol: string): Promise<VenueOrder> {
    await this.ensureMarkets();
    try {
      const o = await this.withSkewRetry('cancelOrder', () => this.exchange.cancelOrder(undefined as unknown as string, symbol, { clientOrderId }), 'once');
      return this.toVenueOrder(o, clientOrderId, await this.tradesOf(o));
    } catch (err) {
      if (classify((err as Error).cause) !== 'not-found') throw err;
      const o = await this.fetchOrderByClientId(clientOrderId, symbol);
      if (!o) throw err;
      return o;
    }
  }

  async fetchOrderByClientId(clientOrderId: string, symbol: string): Promise<VenueOrder | undefined> {
    await this.ensureMarkets();
    try {
      const o = await this.withSkewRetry('fetchOrder', () => this.exchange.fetchOrder(undefined as unknown as string, symbol, { clientOrderId }), 'read');
      return this.toVenueOrder(o, clientOrderId, await this.tradesOf(o));
    } catch (err) {
      if (classify((err as Error).cause) === 'not-found') return undefined;
      throw err;
    }
  }

  private async tradesOf(o: Order): Promise<Trade[]> {
    if (!(o.filled && o.filled > 0) || !this.exchange.has['fetchMyTrades']) return [];
    const trades = await this.withSkewRetry('fetchMyTrades', () => this.exchange.fetchMyTrades(o.symbol, undefined, undefined, { orderId: o.id }), 'read');
    return trades.filter((t) => t.order === o.id);
  }

  private toVenueOrder(o: Order, clientOrderId: string, trades: Trade[]): VenueOrder {
    const seen = this.reported.get(clientOrderId) ?? new Set<string>();
    this.reported.set(clientOrderId, seen);
    const fills: VenueOrder['fills'] = [];
    trades.forEach((t, k) => {
      // Exchange trade ids are unique per market only (Binance): scope them so the journal keys stay unique.
      const fillId = `${this.id}:${String(o.symbol)}:${String(t.id ?? `${o.id}-${k}`)}`;
      if (seen.has(fillId)) return;
      seen.add(fillId);
      const price = Number(t.price);
      const base = this.exchange.markets?.[o.symbol as string]?.base;
      const feeCost = Number(t.fee?.cost ?? 0);
      const fill: Omit<Fill, 'intentId' | 'strategy'> = {
        fillId, clientOrderId, venue: this.id, symbol: String(o.symbol), side: o.side as 'buy' | 'sell', price, amount: Number(t.amount),
        fee: t.fee?.currency === base ? feeCost * price : feeCost,
        liquidity: t.takerOrMaker === 'maker' ? 'maker' : 'taker', ts: Number(t.timestamp ?? this.opts.clock.now()),
      };
      fills.push(fill);
    });
    return {
      clientOrderId, venueOrderId: o.id, symbol: String(o.symbol), side: o.side as 'buy' | 'sell',
      status: STATUS[o.status ?? 'open'] ?? 'open', amount: Number(o.amount), filled: Number(o.filled ?? 0), fills,
    };
  }

  async fetchOrderBook(symbol: string, limit?: number): Promise<OrderBook> {
    await this.ensureMarkets();
    const b = await this.read('fetchOrderBook', () => this.exchange.fetchOrderBook(symbol, limit));
    const levels = (xs: unknown[][]) => xs.map((l) => [Number(l[0]), Number(l[1])] as const);
    return { venue: this.id, symbol, ts: b.timestamp ?? this.opts.clock.now(), bids: levels(b.bids), asks: levels(b.asks) };
  }

  /** A REST depth snapshot with the exchange's update id (ccxt `nonce`), to sync a diff stream against. */
  async fetchDepthSnapshot(symbol: string, limit = 1000): Promise<{ lastUpdateId: number; bids: Array<[number, number]>; asks: Array<[number, number]> }> {
    await this.ensureMarkets();
    const b = await this.read('fetchOrderBook', () => this.exchange.fetchOrderBook(symbol, limit));
    const levels = (xs: unknown[][]) => xs.map((l) => [Number(l[0]), Number(l[1])] as [number, number]);
    return { lastUpdateId: Number(b.nonce), bids: levels(b.bids), asks: levels(b.asks) };
  }

  async fetchBalance(): Promise<Record<string, Balance>> {
    const b = await this.withSkewRetry('fetchBalance', () => this.exchange.fetchBalance(), 'read');
    const out: Record<string, Balance> = {};
    const free = (b.free ?? {}) as unknown as Record<string, number>;
    const used = (b.used ?? {}) as unknown as Record<string, number>;
    for (const [asset, v] of Object.entries((b.total ?? {}) as unknown as Record<string, number>)) {
      out[asset] = { free: Number(free[asset] ?? 0), used: Number(used[asset] ?? 0), total: Number(v ?? 0) };
    }
    return out;
  }

  /** Closes ccxt's streams and the REST pool (ccxt's own close leaves the pool's idle sockets open). */
  async close(): Promise<void> {
    await this.exchange.close();
    await (this.exchange.fetchDispatcher as { close(): Promise<void> } | undefined)?.close();
  }
}
