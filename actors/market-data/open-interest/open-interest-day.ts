/** A UTC day's length, ms. */
export const DAY_MS = 86_400_000;

/** One day's aggregate open interest. Its value is known only once the day has ended: at `day + DAY_MS`. */
export interface OpenInterestDay {
  /** The UTC day's start, epoch ms. */
  day: number;
  usd: number;
}
