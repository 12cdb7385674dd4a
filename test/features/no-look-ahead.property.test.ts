import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { readNewsFile } from '../../actors/market-data/news/read-news-file.js';
import type { Candle } from '../../actors/market-data/types.js';
import type { NewsItem } from '../../actors/market-data/news/news-item.js';
import { buildFeatureMatrix } from '../../actors/features/build-feature-matrix.js';

const eth = loadCandles('data/candles/ETH_BTC-5m.json');
const news = readNewsFile('data/news/cryptopanic_btc_eth_2018-01-15_2018-01-18.jsonl');
const tf = eth.timeframeMs;
const start = eth.candles.findIndex((c) => c.ts + tf >= news[0]!.ts);
const candles = eth.candles.slice(start, start + 200);

const TITLES = ['Bitcoin surges to an all-time high', 'Exchange hacked, users drained', 'Coinbase to delist XRP', 'Miners explain the halving'];
const price = fc.double({ min: 0.05, max: 0.15, noNaN: true });
interface LaterCandle {
  open: number;
  close: number;
  wick: number;
  volume: number;
}

const laterCandle: fc.Arbitrary<LaterCandle> = fc.record({ open: price, close: price, wick: fc.double({ min: 0, max: 0.01, noNaN: true }), volume: fc.double({ min: 0, max: 1e4, noNaN: true }) });
const laterNews = fc.record({ delay: fc.integer({ min: 1, max: 3 * 86_400_000 }), title: fc.constantFrom(...TITLES) });

/** Everything after bar t replaced: candles by random ones, news by random headlines and retitled real ones. */
function rewriteAfter(t: number, tail: LaterCandle[], extra: { delay: number; title: string }[]) {
  const closeT = candles[t]!.ts + tf;
  const newCandles: Candle[] = [
    ...candles.slice(0, t + 1),
    ...tail.map((c, i) => ({ ts: candles[t]!.ts + (i + 1) * tf, open: c.open, close: c.close, high: Math.max(c.open, c.close) + c.wick, low: Math.min(c.open, c.close) - c.wick, volume: c.volume })),
  ];
  const newNews: NewsItem[] = [
    ...news.map((n) => (n.ts > closeT ? { ...n, title: TITLES[1]! } : n)),
    ...extra.map((e, i) => ({ id: `later-${i}`, ts: closeT + e.delay, title: e.title, source: 'test', currencies: ['ETH'], url: '' })),
  ];
  return { newCandles, newNews, lastTs: candles[t]!.ts };
}

test('no look-ahead: rewriting candles and news after bar t leaves every row up to t unchanged', () => {
  const withNews = buildFeatureMatrix(candles, { timeframeMs: tf, news });
  const candlesOnly = buildFeatureMatrix(candles, { timeframeMs: tf });
  const upTo = (rows: typeof withNews.rows, ts: number) => rows.filter((r) => r.ts <= ts);
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: candles.length - 1 }),
      fc.array(laterCandle, { maxLength: 60 }),
      fc.array(laterNews, { maxLength: 10 }),
      (t, tail, extra) => {
        const { newCandles, newNews, lastTs } = rewriteAfter(t, tail, extra);
        const rewritten = buildFeatureMatrix(newCandles, { timeframeMs: tf, news: newNews });
        assert.deepEqual(rewritten.features, withNews.features);
        assert.deepEqual(upTo(rewritten.rows, lastTs), upTo(withNews.rows, lastTs));
        assert.deepEqual(upTo(buildFeatureMatrix(newCandles, { timeframeMs: tf }).rows, lastTs), upTo(candlesOnly.rows, lastTs));
      },
    ),
    { numRuns: 150 },
  );
});
