import type { NewsItem } from './news-item.js';
import { scoreHeadline } from './score-headline.js';

/** A headline's weight halves every 6 hours: the news of a day ago weighs 1/16 of fresh news. */
export const NEWS_HALF_LIFE_MS = 6 * 60 * 60 * 1000;

/**
 * `news_score` at time t in [-1, 1]: the mean of headline scores weighted by 2^(-age / half-life), over the items
 * with ts ≤ t only (an item counts from its timestamp on). Headlines scored 0 count as neutral weight. 0 with no items.
 */
export function newsScore(items: ReadonlyArray<Pick<NewsItem, 'ts' | 'title'>>, t: number, halfLifeMs = NEWS_HALF_LIFE_MS): number {
  let weighted = 0;
  let total = 0;
  for (const item of items) {
    if (item.ts > t) continue;
    const w = Math.pow(2, -(t - item.ts) / halfLifeMs);
    weighted += w * scoreHeadline(item.title);
    total += w;
  }
  return total === 0 ? 0 : weighted / total;
}
