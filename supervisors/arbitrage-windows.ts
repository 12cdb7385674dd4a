import type { LocalArbitrageVenues } from '../actors/venues/local-exchange/local-arbitrage-venues.js';
import { seededRandom } from '../actors/runtime/random.js';

export interface WindowSpec {
  kind: 'cross' | 'triangle';
  venue: string;
  symbol: string;
}

/** The markets whose jump opens a window: BTCUSDT between the venues (cross), a leg of local-a's triangles. */
export const WINDOWS: readonly WindowSpec[] = [
  { kind: 'cross', venue: 'local-b', symbol: 'BTCUSDT' },
  { kind: 'triangle', venue: 'local-a', symbol: 'ETHUSDT' },
  { kind: 'cross', venue: 'local-a', symbol: 'BTCUSDT' },
  { kind: 'triangle', venue: 'local-a', symbol: 'BNBUSDT' },
];


/**
 * Opens arbitrage windows on the local venues on purpose: one market's price jumps by `size` for
 * exactly one book move, then its reference returns. Cross and triangle windows alternate; the
 * direction is seeded. Between windows the mover keeps the books living (and its own small shocks).
 */
export class ArbitrageWindows {
  private timer?: NodeJS.Timeout;
  private readonly rand: () => number;
  private next = 0;
  opened: Array<WindowSpec & { fraction: number }> = [];

  constructor(private readonly local: Pick<LocalArbitrageVenues, 'exchanges' | 'mover'>, private readonly moveEveryMs: number, private readonly size: number, seed: number) {
    this.rand = seededRandom(seed ^ 0x5eed);
  }

  /** One window now: the jump shows in the next book move and lasts one full move interval. */
  open(spec: WindowSpec = WINDOWS[this.next++ % WINDOWS.length]!, fraction = (this.rand() < 0.5 ? -1 : 1) * this.size): void {
    const exchange = this.local.exchanges[spec.venue];
    if (!exchange) throw new Error(`no local venue ${spec.venue}`);
    this.local.mover.shock(exchange, spec.symbol, fraction);
    this.local.mover.step();
    this.local.mover.shock(exchange, spec.symbol, -fraction / (1 + fraction));
    this.local.mover.start(this.moveEveryMs);
    this.opened.push({ ...spec, fraction });
  }

  start(everyMs: number): void {
    this.stop();
    if (everyMs > 0) this.timer = setInterval(() => this.open(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
