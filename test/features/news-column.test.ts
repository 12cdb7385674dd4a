import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { readNewsFile } from '../../actors/market-data/news/read-news-file.js';
import { newsScore } from '../../actors/market-data/news/news-score.js';
import { InputError } from '../../actors/runtime/errors.js';
import { buildFeatureMatrix } from '../../actors/features/build-feature-matrix.js';

const eth = loadCandles('data/candles/ETH_BTC-5m.json');
const news = readNewsFile('data/news/cryptopanic_btc_eth_2018-01-15_2018-01-18.jsonl');

test('without news the matrix has no news_score column, not a column of zeros', () => {
  const matrix = buildFeatureMatrix(eth.candles, { timeframeMs: eth.timeframeMs });
  assert.ok(!matrix.features.some((f) => f.name === 'news_score'));
  assert.ok(matrix.features.every((f) => f.group !== 'market_sentiment'));
  assert.equal(matrix.rows[0]!.ts, eth.candles[33]!.ts);
  assert.ok(matrix.rows.every((r) => r.values.length === matrix.features.length));
});

test('with overlapping news, news_score is newsScore at each bar close, from the first headline on', () => {
  const matrix = buildFeatureMatrix(eth.candles, { timeframeMs: eth.timeframeMs, news });
  const column = matrix.features.findIndex((f) => f.name === 'news_score');
  assert.equal(matrix.features[column]?.source, 'news: headlines (scoreHeadline, half-life 6 h)');
  const firstNews = Math.min(...news.map((n) => n.ts));
  const first = matrix.rows[0]!;
  assert.ok(first.knownAt >= firstNews && first.knownAt - eth.timeframeMs < firstNews, 'rows start at the bar whose close first follows a headline');
  for (const row of matrix.rows) {
    const expected = newsScore(news, row.knownAt);
    assert.ok(Math.abs(row.values[column]! - expected) < 1e-12, `bar ${row.ts}: ${row.values[column]} vs ${expected}`);
  }
  assert.equal(matrix.rows.length, eth.candles.filter((c) => c.ts + eth.timeframeMs >= firstNews).length);
});

test('news that does not overlap the candles (2022 headlines, 2018 bars) is a user error naming news', () => {
  const later = readNewsFile('data/news/cryptopanic_btc_2022-05-11_2022-06-09.jsonl');
  assert.throws(() => buildFeatureMatrix(eth.candles, { timeframeMs: eth.timeframeMs, news: later }), (e: unknown) => e instanceof InputError && /^news: /.test(e.message));
  assert.throws(() => buildFeatureMatrix(eth.candles, { timeframeMs: 0 }), (e: unknown) => e instanceof InputError && /^timeframeMs: /.test(e.message));
});
