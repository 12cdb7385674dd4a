import { DAY_MS, type OpenInterestDay } from '../market-data/open-interest/open-interest-day.js';
import type { FeatureBar, FeatureDefinition } from './feature.js';

/**
 * The last `count` days known at the bar's close, oldest first, if they are consecutive and the latest is the most
 * recent day ended by then (a missing day gives none, rather than an older value carried on).
 */
function lastDays(known: readonly OpenInterestDay[], bar: FeatureBar, count: number): OpenInterestDay[] | null {
  const days = known.slice(-count);
  const latest = days[days.length - 1];
  if (days.length < count || latest === undefined || latest.day + 2 * DAY_MS <= bar.closeTs) return null;
  return days[0]!.day === latest.day - (count - 1) * DAY_MS ? days : null;
}

function fromDays(name: string, source: string, count: number, value: (days: OpenInterestDay[]) => number): FeatureDefinition {
  return {
    name,
    group: 'volume_profile',
    source: `open interest: ${source}`,
    lag: 'daily: the last day ended by close of bar t',
    warmUp: 0,
    needs: 'openInterest',
    start() {
      const known: OpenInterestDay[] = [];
      return (bar) => {
        for (const day of bar.openInterest ?? []) known.push(day);
        if (known.length > count) known.splice(0, known.length - count);
        const days = lastDays(known, bar, count);
        return days === null ? null : value(days);
      };
    },
  };
}

/**
 * Daily open interest, each day's value known once the day has ended: the log change over the last ended day, and
 * the last ended day's level against the mean of the last 7 ended days (log ratio).
 */
export const OPEN_INTEREST_FEATURES: readonly FeatureDefinition[] = [
  fromDays('oi_log_change_1d', 'ln(OI of day d / OI of day d-1), d the last day ended', 2, ([previous, latest]) => Math.log(latest!.usd / previous!.usd)),
  fromDays('oi_vs_mean_7d', 'ln(OI of day d / mean OI of days d-6..d)', 7, (days) => Math.log(days[days.length - 1]!.usd / (days.reduce((sum, d) => sum + d.usd, 0) / days.length))),
];
