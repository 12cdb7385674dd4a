import type { LocalExchange } from './server.js';
import { seededRandom } from '../../runtime/random.js';

export interface MovedMarket {
  exchange: LocalExchange;
  symbol: string;
  /** Mid price the market reverts to. */
  mid: number;
  /** Half spread as a fraction of mid. */
  halfSpread: number;
  /** Base amount at the best level; deeper levels hold more. */
  topQty: number;
  tickSize: number;
}

/**
 * Moves seeded liquidity on local exchanges so strategies see a living market: each step every
 * market's mid wanders within ±`noise` of its reference (mean-reverting), with five levels a side.
 * `shock(symbol, exchange, fraction)` moves one market's reference to open an arbitrage on purpose.
 */
export class BookMover {
  private readonly rand: () => number;
  private timer?: NodeJS.Timeout;
  steps = 0;

  /**
   * @param noise  each step's mid is within ±noise of the reference
   * @param shockChance  per market per step, the chance of a one-step displacement of ±shockSize (an arbitrage window)
   */
  constructor(private readonly markets: MovedMarket[], private readonly noise = 0.0005, seed = 1, private readonly shockChance = 0, private readonly shockSize = 0.004) {
    this.rand = seededRandom(seed);
  }

  private round(x: number, tick: number): number {
    const decimals = Math.max(0, -Math.floor(Math.log10(tick) + 1e-9));
    return Number((Math.round(x / tick) * tick).toFixed(decimals));
  }

  step(): void {
    this.steps += 1;
    for (const m of this.markets) {
      const shock = this.rand() < this.shockChance ? (this.rand() < 0.5 ? -1 : 1) * this.shockSize : 0;
      const mid = m.mid * (1 + (this.rand() - 0.5) * 2 * this.noise + shock);
      const half = Math.max(m.tickSize, mid * m.halfSpread);
      const bids: Array<[number, number]> = [];
      const asks: Array<[number, number]> = [];
      for (let i = 0; i < 5; i++) {
        const gap = half * (1 + i * 2);
        bids.push([this.round(mid - gap, m.tickSize), Number((m.topQty * (1 + i)).toFixed(6))]);
        asks.push([this.round(mid + gap, m.tickSize), Number((m.topQty * (1 + i)).toFixed(6))]);
      }
      m.exchange.state.seed(m.symbol, bids, asks);
    }
  }

  shock(exchange: LocalExchange, symbol: string, fraction: number): void {
    for (const m of this.markets) if (m.exchange === exchange && m.symbol === symbol) m.mid *= 1 + fraction;
  }

  start(everyMs: number): void {
    this.stop();
    this.timer = setInterval(() => this.step(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
