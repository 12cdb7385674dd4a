import type { Venue } from '../actors/venues/venue.js';

const EVERY_MS = 1_000;

/**
 * The summed balances of venues in another process, read once a second: for valuing the family between reads without
 * awaiting a venue. A read that fails (the venue misbehaving) keeps the last one.
 */
export class PolledBalances {
  latest: Record<string, number> = {};
  private timer?: NodeJS.Timeout;

  constructor(private readonly venues: Record<string, Venue>) {}

  async start(): Promise<void> {
    await this.read();
    this.timer = setInterval(() => void this.read(), EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async read(): Promise<void> {
    try {
      const total: Record<string, number> = {};
      for (const venue of Object.values(this.venues)) {
        for (const [asset, b] of Object.entries(await venue.fetchBalance())) total[asset] = (total[asset] ?? 0) + b.total;
      }
      this.latest = total;
    } catch {
      // kept: the last read
    }
  }
}
