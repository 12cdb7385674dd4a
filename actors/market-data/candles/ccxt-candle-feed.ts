import type { Logger } from 'pino';
import type { Clock } from '../../runtime/clock.js';
import type { Outgoing } from '../../runtime/actor-spec.js';
import type { Candle } from '../types.js';
import '../../../machines/connection.machine.js';

/** ccxt's OHLCV row: [open time ms, open, high, low, close, volume]. */
export type OhlcvRow = ReadonlyArray<number | undefined>;

/** What the feed needs of a ccxt exchange (an `Exchange` instance satisfies it). */
export interface OhlcvSource {
  fetchOHLCV(symbol: string, timeframe: string, since?: number, limit?: number): Promise<OhlcvRow[]>;
}

export interface CandleFeedOptions {
  source: OhlcvSource;
  /** Our venue id: the `venue` of every candle.closed / market.stale / market.live. */
  venue: string;
  symbol: string;
  timeframe: string;
  timeframeMs: number;
  /** The exchange's clock (ours plus the measured skew): decides which bars have closed. */
  serverNow: () => number;
  clock: Clock;
  pollMs: number;
  /** A bar counts as closed this long after its close time on the exchange clock (skew estimate and latency). Default min(1 s, timeframe / 4). */
  graceMs?: number;
  /** Consecutive failed polls after which market.stale is published. */
  staleAfterFailures: number;
  /** Awaited before every poll of the loop (the live session checks its working orders there, so no check overlaps a bar's orders). */
  beforePoll?: () => Promise<void>;
  publish: (message: Outgoing<'candle.closed' | 'market.stale' | 'market.live'>) => void;
  logger: Logger;
}

/**
 * Bars of `rows` that are closed at `serverNow` and newer than `afterTs`, oldest first, one per open
 * time. The still-forming bar (open + timeframe > now) is never among them: no look-ahead.
 */
export function closedBarsAfter(rows: readonly OhlcvRow[], afterTs: number, timeframeMs: number, serverNow: number): Candle[] {
  const byTs = new Map<number, Candle>();
  for (const [ts, open, high, low, close, volume] of rows) {
    if (ts === undefined || ts <= afterTs || ts + timeframeMs > serverNow) continue;
    if (![open, high, low, close].every((x) => typeof x === 'number' && Number.isFinite(x))) continue;
    byTs.set(ts, { ts, open: open!, high: high!, low: low!, close: close!, volume: Number(volume ?? 0) });
  }
  return [...byTs.values()].sort((a, b) => a.ts - b.ts);
}

/**
 * Polls fetchOHLCV and publishes `candle.closed` exactly once per bar that closes after the feed
 * starts (bars closed before the start are history, not news). A failed poll is logged and retried
 * on the next interval; after `staleAfterFailures` in a row the market is reported stale (risk vetoes
 * it) until a poll succeeds again (market.live).
 */
export class CcxtCandleFeed {
  /** Open time of the last bar published (or of the last bar closed before the start). */
  lastTs: number;
  bars = 0;
  failures = 0;
  stale = false;
  private lastSuccessTs: number;
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private stopped = true;

  constructor(private readonly opts: CandleFeedOptions) {
    const now = opts.serverNow();
    this.lastTs = Math.floor(now / opts.timeframeMs) * opts.timeframeMs - opts.timeframeMs;
    this.lastSuccessTs = opts.clock.now();
  }

  /** One poll: fetches the bars since the last one published and publishes those now closed. */
  async poll(): Promise<number> {
    const { opts } = this;
    let rows: OhlcvRow[];
    try {
      rows = await opts.source.fetchOHLCV(opts.symbol, opts.timeframe, this.lastTs + opts.timeframeMs, 500);
    } catch (error) {
      this.failures += 1;
      opts.logger.warn({ venue: opts.venue, symbol: opts.symbol, failures: this.failures, err: error }, 'candle poll failed; retrying next interval');
      if (this.failures >= opts.staleAfterFailures && !this.stale) {
        this.stale = true;
        opts.publish({ type: 'market.stale', venue: opts.venue, symbol: opts.symbol, lastUpdateTs: this.lastSuccessTs });
      }
      return 0;
    }
    this.failures = 0;
    this.lastSuccessTs = opts.clock.now();
    if (this.stale) {
      this.stale = false;
      opts.publish({ type: 'market.live', venue: opts.venue, symbol: opts.symbol });
    }
    const bars = closedBarsAfter(rows, this.lastTs, opts.timeframeMs, opts.serverNow() - (opts.graceMs ?? Math.min(1_000, opts.timeframeMs / 4)));
    for (const candle of bars) {
      this.lastTs = candle.ts;
      this.bars += 1;
      opts.publish({ type: 'candle.closed', venue: opts.venue, symbol: opts.symbol, candle });
    }
    return bars.length;
  }

  start(): void {
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.inFlight = (this.opts.beforePoll?.() ?? Promise.resolve())
        .catch((err: unknown) => this.opts.logger.warn({ err }, 'before-poll step failed'))
        .then(() => (this.stopped ? 0 : this.poll()))
        .then(() => {
          if (!this.stopped) this.timer = setTimeout(loop, this.opts.pollMs);
        });
    };
    this.timer = setTimeout(loop, this.opts.pollMs);
  }

  /** No further polls; waits for one in flight to finish publishing. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight;
  }
}
