import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NEWS_HALF_LIFE_MS, newsScore } from '../../../actors/market-data/news/news-score.js';
import { scoreHeadline } from '../../../actors/market-data/news/score-headline.js';

const TITLES = ['Bitcoin surges to an all-time high', 'Exchange hacked, users drained', 'Coinbase to delist XRP', 'Miners explain the halving', 'Analysts not bullish', 'ETF approval expected'];
const item = fc.record({ ts: fc.integer({ min: 0, max: 10_000_000 }), title: fc.constantFrom(...TITLES) });

test('no look-ahead: adding or changing items after t never moves the score at t', () => {
  fc.assert(
    fc.property(fc.array(item, { maxLength: 20 }), fc.array(item, { maxLength: 10 }), fc.integer({ min: 0, max: 10_000_000 }), (items, later, t) => {
      const past = items.filter((i) => i.ts <= t);
      const future = later.map((i) => ({ ...i, ts: t + 1 + i.ts }));
      const changed = items.map((i) => (i.ts > t ? { ...i, title: TITLES[0]! } : i));
      const base = newsScore(items, t);
      assert.equal(newsScore([...items, ...future], t), base);
      assert.equal(newsScore(changed, t), base);
      assert.equal(newsScore(past, t), base);
      assert.ok(base >= -1 && base <= 1);
    }),
  );
});

test('an item counts from its timestamp on, and weighs half after one half-life', () => {
  const good = { ts: 0, title: 'Bitcoin surges to an all-time high' };
  const bad = { ts: NEWS_HALF_LIFE_MS, title: 'Exchange hacked, users drained' };
  assert.equal(newsScore([good, bad], -1), 0, 'nothing yet');
  assert.equal(newsScore([good, bad], NEWS_HALF_LIFE_MS - 1), scoreHeadline(good.title));
  const g = scoreHeadline(good.title);
  const b = scoreHeadline(bad.title);
  assert.ok(Math.abs(newsScore([good, bad], NEWS_HALF_LIFE_MS) - (0.5 * g + b) / 1.5) < 1e-12);
});
