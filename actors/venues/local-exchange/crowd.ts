import type { LocalExchange } from './server.js';

export interface CrowdOptions {
  exchange: LocalExchange;
  symbol: string;
  /** The crowd's account on the exchange (added here, well funded in both assets). */
  apiKey?: string;
  /** Base amount of each market order. */
  qty: number;
  seed?: number;
}

/**
 * Other traders: small market orders, buy or sell at random, straight into the local exchange's
 * matching engine, so its tape (and the klines built from it) moves as the books move.
 */
export class Crowd {
  private timer?: NodeJS.Timeout;
  private rand: number;
  private seq = 0;
  readonly apiKey: string;

  constructor(private readonly opts: CrowdOptions) {
    this.apiKey = opts.apiKey ?? 'crowd-key';
    this.rand = (opts.seed ?? 7) >>> 0;
    const m = opts.exchange.state.market(opts.symbol);
    opts.exchange.state.addAccount(this.apiKey, 'crowd-secret', { [m.base]: 1e6, [m.quote]: 1e12 });
  }

  private next(): number {
    this.rand = (Math.imul(this.rand, 1664525) + 1013904223) >>> 0;
    return this.rand / 4294967296;
  }

  trade(): void {
    const side = this.next() < 0.5 ? 'BUY' : 'SELL';
    const clientOrderId = `crowd-${++this.seq}`;
    try {
      this.opts.exchange.state.placeOrder(this.apiKey, { symbol: this.opts.symbol, side, type: 'MARKET', timeInForce: 'IOC', quantity: this.opts.qty, price: 0, clientOrderId });
    } catch {
      // An empty side of the book refuses a market order: the crowd simply trades again next time.
    }
  }

  start(everyMs: number): void {
    this.stop();
    this.timer = setInterval(() => this.trade(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
