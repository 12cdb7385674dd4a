import type { Redis } from 'ioredis';
import { SystemClock, type Clock } from '../../actors/runtime/clock.js';
import type { Outgoing } from '../../actors/runtime/actor-spec.js';

/**
 * How long ago the venue node published a stream entry, on Redis's clock (an entry id is `<ms>-<seq>`, the ms being
 * Redis's time at XADD): this node's wall clock plus its measured offset to Redis's, minus the entry's ms.
 */
export class EntryAge {
  private offsetMs = 0;

  constructor(
    private readonly redis: Redis,
    private readonly wall: Clock = new SystemClock(),
  ) {}

  /** Measures the offset of Redis's clock to this node's again (a failed measurement keeps the last one). */
  async sync(): Promise<void> {
    try {
      const [seconds, micros] = await this.redis.time();
      this.offsetMs = Number(seconds) * 1_000 + Number(micros) / 1_000 - this.wall.now();
    } catch {
      // Redis away: the age keeps the offset measured last.
    }
  }

  ofEntry(id: string): number {
    return this.wall.now() + this.offsetMs - Number.parseInt(id, 10);
  }
}

/**
 * Each market reported stale while its bars reach this node later than maxLagMs after the venue node sent them, and
 * live once one arrives in time again; only the changes are reported. A market never late is left to risk's age check.
 */
export class LagStatus {
  private readonly stale = new Set<string>();

  constructor(private readonly maxLagMs: number) {}

  /** The message for this market's bar closing at `closeTs`, read `lagMs` after it was sent, if its state changed. */
  update(venue: string, symbol: string, lagMs: number, closeTs: number): Outgoing<'market.stale' | 'market.live'> | undefined {
    const key = `${venue}:${symbol}`;
    const late = lagMs > this.maxLagMs;
    if (late === this.stale.has(key)) return undefined;
    if (late) {
      this.stale.add(key);
      return { type: 'market.stale', venue, symbol, lastUpdateTs: closeTs };
    }
    this.stale.delete(key);
    return { type: 'market.live', venue, symbol };
  }
}
