import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { readNewsFile } from '../../actors/market-data/news/read-news-file.js';
import type { Candle } from '../../actors/market-data/types.js';
import type { NewsItem } from '../../actors/market-data/news/news-item.js';
import { buildFeatureMatrix, type FeatureMatrixInput } from '../../actors/features/build-feature-matrix.js';
import type { BookTape, BookUpdate } from '../../actors/features/inputs/book-tape.js';
import { loadFeatureInputs } from '../../actors/features/inputs/load-feature-inputs.js';
import { tradeTape } from '../../actors/features/inputs/trade-tape.js';
import { candlesFromTrades } from '../../actors/market-data/candles/candles-from-trades.js';
import { DAY_MS, type OpenInterestDay } from '../../actors/market-data/open-interest/open-interest-day.js';
import type { Trade } from '../../actors/market-data/trades/trade.js';

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

// Books, trades and open interest: the first 60 s of the 2024-08-08 recording in 1 s bars, and ten daily open-interest
// values whose last day ends inside those 60 s.
const flow = await loadFeatureInputs({
  books: 'data/books/binance_usdm_btcusdt_depth_2024-08-08T2354Z_3min.txt.gz',
  trades: 'data/futures/binance_usdm_btcusdt_trades_2024-08-08T2354Z_6min.csv',
});
const flowEnd = flow.books!.from + 60_000;
const bookUpdates = flow.books!.updates.filter((u) => u.ts <= flowEnd);
const books: BookTape = { from: flow.books!.from, to: bookUpdates.at(-1)!.ts, updates: bookUpdates };
const trades = tradeTape(flow.trades!.trades.filter((t) => t.ts <= flowEnd));
const flowCandles = candlesFromTrades(trades.trades, 1000);
const oiEnd = flowCandles[45]!.ts + 500;
const openInterest: OpenInterestDay[] = Array.from({ length: 10 }, (_, k) => ({ day: oiEnd - (10 - k) * DAY_MS, usd: 1e10 * (1 + 0.013 * k * (k % 3)) }));

interface LaterFlow {
  scales: number[];
  diffs: { delay: number; bid: boolean; ticks: number; qty: number }[];
  trades: { delay: number; buy: boolean; qty: number }[];
  oiScale: number;
}

const laterFlow: fc.Arbitrary<LaterFlow> = fc.record({
  scales: fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 1, maxLength: 8 }),
  diffs: fc.array(fc.record({ delay: fc.integer({ min: 1, max: 60_000 }), bid: fc.boolean(), ticks: fc.integer({ min: 1, max: 300 }), qty: fc.double({ min: 0, max: 5, noNaN: true }) }), { maxLength: 20 }),
  trades: fc.array(fc.record({ delay: fc.integer({ min: 0, max: 60_000 }), buy: fc.boolean(), qty: fc.double({ min: 0.001, max: 10, noNaN: true }) }), { maxLength: 20 }),
  oiScale: fc.double({ min: 0.5, max: 2, noNaN: true }),
});

/** The book, trades and open interest after the close of bar t replaced: known later, so no row up to t may move. */
function rewriteFlowAfter(closeT: number, later: LaterFlow): Pick<FeatureMatrixInput, 'books' | 'trades' | 'openInterest'> {
  const scale = (i: number) => later.scales[i % later.scales.length]!;
  const mid = 61_800;
  const updates: BookUpdate[] = [
    ...books.updates.map((u, i) => (u.ts <= closeT ? u : { ...u, bids: u.bids.map(([p, q]) => [p, q * scale(i)] as const), asks: u.asks.map(([p, q]) => [p, q * scale(i + 1)] as const) })),
    ...later.diffs
      .filter((d) => closeT + d.delay <= books.to)
      .map((d) => ({ ts: closeT + d.delay, snapshot: false, bids: d.bid ? [[mid - d.ticks / 10, d.qty] as const] : [], asks: d.bid ? [] : [[mid + d.ticks / 10, d.qty] as const] })),
  ].sort((a, b) => a.ts - b.ts);
  const newTrades: Trade[] = [
    ...trades.trades.map((t, i) => (t.ts < closeT ? t : { ...t, qty: t.qty * (scale(i) + 0.01), takerSide: scale(i) > 1.5 ? 'buy' : 'sell' } as const)),
    ...later.trades.filter((t) => closeT + t.delay <= trades.to).map((t) => ({ ts: closeT + t.delay, price: mid, qty: t.qty, takerSide: t.buy ? 'buy' : 'sell' } as const)),
  ].sort((a, b) => a.ts - b.ts);
  return {
    books: { ...books, updates },
    trades: { ...trades, trades: newTrades },
    openInterest: openInterest.map((d) => (d.day + DAY_MS <= closeT ? d : { ...d, usd: d.usd * later.oiScale })),
  };
}

test('no look-ahead: rewriting the book, the trades and the open interest after bar t leaves every row up to t unchanged', () => {
  const input = { timeframeMs: 1000, books, trades, openInterest };
  const original = buildFeatureMatrix(flowCandles, input);
  assert.ok(original.rows.length > 20 && ['bid_depth_50bp', 'cvd', 'oi_vs_mean_7d'].every((n) => original.features.some((f) => f.name === n)));
  fc.assert(
    fc.property(fc.integer({ min: 0, max: flowCandles.length - 1 }), laterFlow, (t, later) => {
      const closeT = flowCandles[t]!.ts + 1000;
      const rewritten = buildFeatureMatrix(flowCandles, { ...input, ...rewriteFlowAfter(closeT, later) });
      assert.deepEqual(rewritten.features, original.features);
      assert.deepEqual(
        rewritten.rows.filter((r) => r.knownAt <= closeT),
        original.rows.filter((r) => r.knownAt <= closeT),
      );
    }),
    { numRuns: 30 },
  );
});
