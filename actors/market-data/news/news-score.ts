import type { NewsItem } from './news-item.js';
import { scoreHeadline } from './score-headline.js';

/** A headline's weight halves every 6 hours: the news of a day ago weighs 1/16 of fresh news. */
export const NEWS_HALF_LIFE_MS = 6 * 60 * 60 * 1000;

/**
 * `news_score` at time t in [-1, 1]: the mean of headline scores weighted by 2^(-age / half-life), over the items
 * with ts ≤ t only (an item counts from its timestamp on). Headlines scored 0 count as neutral weight. 0 with no items.
 */
export function newsScore(items: ReadonlyArray<Pick<NewsItem, 'ts' | 'title'>>, t: number, halfLifeMs = NEWS_HALF_LIFE_MS): number {
  const known = items.filter((item) => item.ts <= t).map((item) => ({ ts: item.ts, score: scoreHeadline(item.title) }));
  return decayedMean(known, t, halfLifeMs) ?? 0;
}

/** The mean of scores weighted by 2^(-(t - ts) / half-life), for items already known at t; undefined with none (or all weights underflowed). */
export function decayedMean(scored: ReadonlyArray<{ ts: number; score: number }>, t: number, halfLifeMs = NEWS_HALF_LIFE_MS): number | undefined {
  let weighted = 0;
  let total = 0;
  for (const item of scored) {
    const w = Math.pow(2, -(t - item.ts) / halfLifeMs);
    weighted += w * item.score;
    total += w;
  }
  return total === 0 ? undefined : weighted / total;
}
