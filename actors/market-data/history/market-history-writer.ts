import type { Logger } from 'pino';
import { backoffDelay, type BackoffShape } from '../../runtime/backoff.js';
import type { CandleRow, TradeRow } from './history-rows.js';

/** Where the writer's batches go: a MarketHistoryStore. */
export interface HistorySink {
  insertCandles(rows: readonly CandleRow[]): Promise<number>;
  insertTrades(rows: readonly TradeRow[]): Promise<number>;
  close(): Promise<void>;
}

export interface MarketHistoryWriterOptions {
  logger: Logger;
  /** Buffered rows (candles + trades) that start a write at once. Default 500. */
  batchSize?: number;
  /** The longest a row waits in the buffer while the database is up. Default 5,000 ms. */
  flushEveryMs?: number;
  /** Waits between attempts after a failed write. Default 0.5 s doubling to 30 s, half jitter. */
  retry?: BackoffShape;
  /** Rows kept while the database is down; past it the oldest are dropped (and counted). Default 200,000. */
  maxBuffered?: number;
  /** Attempts close() makes to write what is left before giving up on it. Default 3. */
  closeAttempts?: number;
}

export interface WriterStats {
  candlesWritten: number;
  tradesWritten: number;
  /** Rows not in the database yet: waiting for a write, or in the one under way. */
  pending: number;
  failedWrites: number;
  dropped: number;
}

/**
 * Batches recorded rows and writes them off the order path: when `batchSize` rows wait, every `flushEveryMs`, and
 * on close(). One write at a time. A failed write keeps its rows, is logged and retried after a backoff; nothing
 * here ever throws at the caller, so a database that is down costs recording, never trading.
 */
export class MarketHistoryWriter {
  private candles: CandleRow[] = [];
  private trades: TradeRow[] = [];
  private writing: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  /** Rows of the write under way. */
  private writingRows = 0;
  private closed = false;
  private readonly stats0 = { candlesWritten: 0, tradesWritten: 0, failedWrites: 0, dropped: 0 };
  private readonly batchSize: number;
  private readonly flushEveryMs: number;
  private readonly retry: BackoffShape;
  private readonly maxBuffered: number;

  constructor(private readonly sink: HistorySink, private readonly options: MarketHistoryWriterOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.flushEveryMs = options.flushEveryMs ?? 5_000;
    this.retry = options.retry ?? { minMs: 500, maxMs: 30_000, jitter: 0.5 };
    this.maxBuffered = options.maxBuffered ?? 200_000;
  }

  get stats(): WriterStats {
    return { ...this.stats0, pending: this.candles.length + this.trades.length + this.writingRows };
  }

  addCandles(rows: readonly CandleRow[]): void {
    this.add(() => this.candles.push(...rows));
  }

  addTrades(rows: readonly TradeRow[]): void {
    this.add(() => this.trades.push(...rows));
  }

  private add(push: () => void): void {
    if (this.closed) {
      this.options.logger.warn('market history: rows offered after close are not recorded');
      return;
    }
    push();
    this.trim();
    if (this.candles.length + this.trades.length >= this.batchSize && this.attempt === 0) void this.flush();
    else this.arm(this.attempt === 0 ? this.flushEveryMs : undefined);
  }

  /** Drops the oldest waiting rows past maxBuffered (candles first: a candle can be rebuilt from trades, not the reverse). */
  private trim(): void {
    let over = this.stats.pending - this.maxBuffered;
    if (over <= 0) return;
    const fromCandles = Math.min(over, this.candles.length);
    this.candles.splice(0, fromCandles);
    over -= fromCandles;
    if (over > 0) this.trades.splice(0, over);
    this.stats0.dropped += fromCandles + Math.max(0, over);
    this.options.logger.error({ dropped: this.stats0.dropped, maxBuffered: this.maxBuffered }, 'market history: buffer full while the database is unavailable; oldest rows dropped');
  }

  private arm(delayMs: number | undefined): void {
    if (this.timer !== undefined || delayMs === undefined || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
    this.timer.unref();
  }

  /** Writes what is buffered now (after any write in progress). Resolves when done or failed; never rejects. */
  flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const previous = this.writing ?? Promise.resolve();
    const next = previous.then(async () => {
      await this.writeOnce();
    });
    this.writing = next;
    void next.finally(() => {
      if (this.writing === next) this.writing = undefined;
    });
    return next;
  }

  /** One attempt; true when everything taken was written. */
  private async writeOnce(): Promise<boolean> {
    const candles = this.candles;
    const trades = this.trades;
    if (candles.length + trades.length === 0) return true;
    this.candles = [];
    this.trades = [];
    this.writingRows = candles.length + trades.length;
    let doneCandles = false;
    try {
      if (candles.length > 0) this.stats0.candlesWritten += await this.sink.insertCandles(candles);
      doneCandles = true;
      this.writingRows = trades.length;
      if (trades.length > 0) this.stats0.tradesWritten += await this.sink.insertTrades(trades);
      this.writingRows = 0;
      if (this.attempt > 0) this.options.logger.info({ attempts: this.attempt + 1 }, 'market history: writing again');
      this.attempt = 0;
      if (this.candles.length + this.trades.length > 0) this.arm(this.flushEveryMs);
      return true;
    } catch (err) {
      this.stats0.failedWrites += 1;
      this.writingRows = 0;
      if (!doneCandles) this.candles = candles.concat(this.candles);
      this.trades = trades.concat(this.trades);
      this.trim();
      const delayMs = backoffDelay(this.attempt, this.retry);
      this.attempt += 1;
      this.options.logger.warn({ err, attempt: this.attempt, pending: this.candles.length + this.trades.length, retryInMs: delayMs }, 'market history: write failed; retrying');
      this.arm(delayMs);
      return false;
    }
  }

  /** Stops the timer, writes what is left (up to closeAttempts tries), then closes the sink. Never rejects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
    const attempts = this.options.closeAttempts ?? 3;
    for (let i = 0; i < attempts && this.stats.pending > 0; i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, backoffDelay(i - 1, this.retry)));
      await this.writeOnce();
    }
    if (this.stats.pending > 0) this.options.logger.error({ lost: this.stats.pending }, 'market history: closing with rows the database never took');
    await this.sink.close().catch((err: unknown) => this.options.logger.warn({ err }, 'market history: closing the database connection failed'));
  }
}
