import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SystemClock, type Clock } from '../../runtime/clock.js';
import { binanceRoutes, type Route } from './binance-rest.js';
import { DepthStreams } from './depth-streams.js';
import { BinanceReject, ExchangeState, type ListedMarket } from './exchange-state.js';
import { FaultQueue, type HttpFault } from './faults.js';
import { ccxtUrlsAt } from './ccxt-urls.js';

export interface LocalExchangeOptions {
  markets: ListedMarket[];
  /** Seeded liquidity per symbol. */
  books?: Record<string, { bids: Array<[number, number]>; asks: Array<[number, number]> }>;
  accounts?: Record<string, { secret: string; balances: Record<string, number> }>;
  clock?: Clock;
  port?: number;
  takerFee?: number;
}

export interface ExchangeStats {
  requests: Record<string, number>;
  rateLimited: number;
  /** 418 answers: a request arrived while a Retry-After was still running. Must stay 0. */
  bans: number;
  timestampRejections: number;
  /** TCP connections accepted (REST and websocket): how clients pool their sockets. */
  connections: number;
  /** Most connections open at once. */
  peakOpenConnections: number;
}

/**
 * A local exchange speaking Binance spot REST (api/v3) and its depth websocket, for unmodified
 * ccxt `binance` instances. Faults are injected with `inject`, `clockSkewMs` and `streams`.
 */
export class LocalExchange {
  readonly state: ExchangeState;
  readonly faults = new FaultQueue();
  readonly streams: DepthStreams;
  readonly stats: ExchangeStats = { requests: {}, rateLimited: 0, bans: 0, timestampRejections: 0, connections: 0, peakOpenConnections: 0 };
  private openConnections = 0;
  /** Added to the exchange's clock: a positive skew puts the exchange ahead of its clients. */
  clockSkewMs = 0;
  private bannedUntil = 0;
  private readonly held = new Set<ServerResponse>();
  private server!: Server;
  private readonly routes: ReturnType<typeof binanceRoutes>;

  private constructor(private readonly opts: LocalExchangeOptions, private readonly clock: Clock) {
    this.streams = new DepthStreams(() => this.serverTime());
    this.state = new ExchangeState(clock, opts.markets, (symbol, diff) => this.streams.publish(symbol, diff));
    if (opts.takerFee !== undefined) this.state.takerFee = this.state.makerFee = opts.takerFee;
    for (const [key, a] of Object.entries(opts.accounts ?? {})) this.state.addAccount(key, a.secret, a.balances);
    for (const [symbol, b] of Object.entries(opts.books ?? {})) this.state.seed(symbol, b.bids, b.asks);
    const info = () => ({
      timezone: 'UTC', serverTime: this.serverTime(), rateLimits: [{ rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 1200 }],
      exchangeFilters: [], symbols: opts.markets.map((m) => m.info),
    });
    this.routes = binanceRoutes(this.state, () => this.serverTime(), info);
  }

  static async start(opts: LocalExchangeOptions): Promise<LocalExchange> {
    const ex = new LocalExchange(opts, opts.clock ?? new SystemClock());
    ex.server = createServer((req, res) => void ex.handle(req, res));
    ex.server.on('connection', (socket) => ex.countConnection(socket));
    ex.server.on('upgrade', (req, socket, head) => ex.streams.upgrade(req, socket, head));
    await new Promise<void>((resolve) => ex.server.listen(opts.port ?? 0, '127.0.0.1', resolve));
    return ex;
  }

  private countConnection(socket: Socket): void {
    this.stats.connections += 1;
    this.openConnections += 1;
    this.stats.peakOpenConnections = Math.max(this.stats.peakOpenConnections, this.openConnections);
    socket.once('close', () => (this.openConnections -= 1));
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What to merge into a ccxt binance instance's `urls.api` so it talks to this exchange. */
  ccxtUrls(): Record<string, unknown> {
    return ccxtUrlsAt(this.url);
  }

  serverTime(): number {
    return this.clock.now() + this.clockSkewMs;
  }

  inject(fault: HttpFault): void {
    this.faults.add(fault);
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://local');
    const route = `${req.method} ${url.pathname}`;
    this.stats.requests[route] = (this.stats.requests[route] ?? 0) + 1;
    const now = this.clock.now();
    if (now < this.bannedUntil) {
      this.stats.bans += 1;
      return this.send(res, 418, { code: -1003, msg: `Way too many requests; IP banned until ${this.bannedUntil}.` });
    }
    const fault = this.faults.take(route);
    if (fault?.kind === '429') {
      const secs = fault.retryAfterSec ?? 1;
      this.bannedUntil = now + secs * 1000;
      this.stats.rateLimited += 1;
      return this.send(res, 429, { code: -1003, msg: 'Too much request weight used; current limit is 1200 request weight per 1 MINUTE.' }, { 'Retry-After': String(secs) });
    }
    if (fault && !fault.afterProcessing) return this.fail(res, fault);
    let status = 200;
    let answer: unknown;
    try {
      answer = this.dispatch(route, url.searchParams, body, req);
    } catch (err) {
      if (!(err instanceof BinanceReject)) throw err;
      status = err.status;
      answer = { code: err.code, msg: err.msg };
    }
    if (fault) return this.fail(res, fault);
    this.send(res, status, answer);
  }

  private fail(res: ServerResponse, fault: HttpFault): void {
    if (fault.kind === 'timeout') {
      this.held.add(res);
      return;
    }
    res.writeHead(503, { 'Content-Type': 'text/html' });
    res.end('<html><body><h1>503 Service Unavailable</h1></body></html>');
  }

  private dispatch(route: string, query: URLSearchParams, body: string, req: IncomingMessage): unknown {
    const open: Route | undefined = this.routes.public[route];
    if (open) return open(query, '');
    const signed = this.routes.signed[route];
    if (!signed) throw new BinanceReject(404, -1000, `Unknown route ${route}`);
    const apiKey = String(req.headers['x-mbx-apikey'] ?? '');
    const secret = this.state.secretOf(apiKey);
    if (secret === undefined) throw new BinanceReject(401, -2015, 'Invalid API-key, IP, or permissions for action.');
    // Binance signs totalParams = query string concatenated with the body.
    const total = [query.toString(), body].filter((x) => x !== '').join('&');
    const params = new URLSearchParams(total);
    const signature = params.get('signature') ?? '';
    const signedPart = total.replace(/&?signature=[0-9a-fA-F]*/, '');
    const expected = createHmac('sha256', secret).update(signedPart).digest('hex');
    if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
      throw new BinanceReject(400, -1022, 'Signature for this request is not valid.');
    }
    const ts = Number(params.get('timestamp'));
    const recvWindow = Number(params.get('recvWindow') ?? 5000);
    const serverNow = this.serverTime();
    if (!Number.isFinite(ts) || ts > serverNow + 1000 || serverNow - ts > recvWindow) {
      this.stats.timestampRejections += 1;
      throw new BinanceReject(400, -1021, ts > serverNow ? "Timestamp for this request was 1000ms ahead of the server's time." : 'Timestamp for this request is outside of the recvWindow.');
    }
    return signed(params, apiKey);
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.held.clear();
    this.streams.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
