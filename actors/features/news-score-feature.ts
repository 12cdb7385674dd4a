import { decayedMean, NEWS_HALF_LIFE_MS } from '../market-data/news/news-score.js';
import { scoreHeadline } from '../market-data/news/score-headline.js';
import type { FeatureDefinition } from './feature.js';

/**
 * `news_score` at the close of bar t: newsScore's decayed mean of headline scores over the items known by then
 * (each headline scored once, when it arrives). No value before the first item: absent, not 0.
 */
export const NEWS_SCORE: FeatureDefinition = {
  name: 'news_score',
  group: 'market_sentiment',
  source: 'news: headlines (scoreHeadline, half-life 6 h)',
  lag: 'items with ts ≤ close of bar t',
  warmUp: 0,
  needs: 'news',
  start() {
    const known: { ts: number; score: number }[] = [];
    return (bar) => {
      for (const item of bar.news) known.push({ ts: item.ts, score: scoreHeadline(item.title) });
      return decayedMean(known, bar.closeTs, NEWS_HALF_LIFE_MS) ?? null;
    };
  },
};
