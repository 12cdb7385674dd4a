import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFeatureMatrix, type FeatureMatrix } from '../../actors/features/build-feature-matrix.js';
import { loadFeatureInputs } from '../../actors/features/inputs/load-feature-inputs.js';
import { candlesFromTrades } from '../../actors/market-data/candles/candles-from-trades.js';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { DiffBook } from '../../actors/market-data/order-book/diff-book.js';
import { readRecordedLines } from '../../actors/market-data/replay/recorded-depth.js';
import { InputError } from '../../actors/runtime/errors.js';

const BOOKS = 'data/books/binance_usdm_btcusdt_depth_2024-08-08T2354Z_3min.txt.gz';
const inputs = await loadFeatureInputs({
  books: BOOKS,
  trades: 'data/futures/binance_usdm_btcusdt_trades_2024-08-08T2354Z_6min.csv',
  openInterest: 'data/futures/btc_open_interest_usd_daily_2019-03-30_2024-11-20.csv',
});
const books = inputs.books!;
const tape = inputs.trades!;
const tf = 1000;
const candles = candlesFromTrades(tape.trades, tf);

const BOOK = ['bid_depth_10bp', 'ask_depth_10bp', 'bid_depth_50bp', 'ask_depth_50bp', 'spread_rel', 'depth_imbalance_50bp'];
const FLOW = ['taker_signed_volume', 'cvd', 'taker_imbalance'];
const OI = ['oi_log_change_1d', 'oi_vs_mean_7d'];
const names = (m: FeatureMatrix) => m.features.map((f) => f.name);
const column = (m: FeatureMatrix, name: string) => m.rows.map((r) => r.values[names(m).indexOf(name)]!);

test('the 2024-08-08 recording: 1 s candles from the futures trades, with book, CVD and open-interest columns', () => {
  const m = buildFeatureMatrix(candles, { timeframeMs: tf, ...inputs });
  for (const name of [...BOOK, ...FLOW, ...OI]) assert.ok(names(m).includes(name), `${name} is a column`);
  assert.ok(m.rows.length > 100, `${m.rows.length} rows`);
  assert.ok(m.rows.every((r) => r.knownAt >= books.from && r.knownAt <= books.to && r.ts >= tape.from), 'rows only where the book and the trades cover the bar');

  // CVD against the CSV's trades summed directly, from the first bar the trades wholly cover.
  const start = candles.find((c) => c.ts >= tape.from)!.ts;
  const cvd = column(m, 'cvd');
  let expected = 0;
  let k = tape.trades.findIndex((t) => t.ts >= start);
  m.rows.forEach((row, i) => {
    for (; k < tape.trades.length && tape.trades[k]!.ts < row.knownAt; k++) expected += tape.trades[k]!.takerSide === 'buy' ? tape.trades[k]!.qty : -tape.trades[k]!.qty;
    assert.ok(Math.abs(cvd[i]! - expected) < 1e-9, `cvd at ${row.knownAt}: ${cvd[i]} vs ${expected}`);
  });

  // Book depth against the existing DiffBook fed the recording's diffs up to each close.
  const rec = readRecordedLines(BOOKS);
  const diffBook = new DiffBook('binance', 'BTCUSDT');
  diffBook.onSnapshot(rec.snapshot);
  let next = 0;
  const bidDepth = column(m, 'bid_depth_10bp');
  const spread = column(m, 'spread_rel');
  m.rows.forEach((row, i) => {
    while (next < rec.diffs.length && rec.diffs[next]!.E! <= row.knownAt) assert.notEqual(diffBook.onDiff(rec.diffs[next++]!), 'gap');
    const book = diffBook.book(5000);
    const mid = (book.bids[0]![0] + book.asks[0]![0]) / 2;
    const expected = book.bids.filter(([p]) => p >= mid * 0.999).reduce((s, [p, q]) => s + p * q, 0);
    assert.ok(Math.abs(bidDepth[i]! - expected) < 1e-6, `bid depth at ${row.knownAt}: ${bidDepth[i]} vs ${expected}`);
    assert.ok(Math.abs(spread[i]! - (book.asks[0]![0] - book.bids[0]![0]) / mid) < 1e-15);
  });

  // Every bar is on 2024-08-08, so the last ended day is 08-07.
  const oi = new Map(inputs.openInterest!.map((d) => [new Date(d.day).toISOString().slice(0, 10), d.usd]));
  assert.ok(column(m, 'oi_log_change_1d').every((v) => v === Math.log(oi.get('2024-08-07')! / oi.get('2024-08-06')!)));
});

test('absent, not zero: each group is a column only with its data, and bars its recording does not cover are dropped', () => {
  const candlesOnly = buildFeatureMatrix(candles, { timeframeMs: tf });
  assert.ok(!names(candlesOnly).some((n) => [...BOOK, ...FLOW, ...OI].includes(n)));
  assert.deepEqual(new Set(candlesOnly.features.map((f) => f.group)), new Set(['price_data', 'technical_indicators']));

  const tradesOnly = buildFeatureMatrix(candles, { timeframeMs: tf, trades: tape });
  assert.ok(FLOW.every((n) => names(tradesOnly).includes(n)) && !names(tradesOnly).some((n) => [...BOOK, ...OI].includes(n)));
  assert.ok(tradesOnly.rows.length > 250 && tradesOnly.rows.every((r) => r.ts >= tape.from && r.knownAt - 1 <= tape.to), 'the trades cover the 6 minutes');

  const booksOnly = buildFeatureMatrix(candles, { timeframeMs: tf, books });
  assert.ok(BOOK.every((n) => names(booksOnly).includes(n)) && !names(booksOnly).some((n) => [...FLOW, ...OI].includes(n)));
  assert.equal(booksOnly.rows.at(-1)!.knownAt, Math.floor(books.to / tf) * tf, 'the 3-minute book ends the rows: its last state is not carried on');
  assert.ok(booksOnly.rows.length < tradesOnly.rows.length);
});

test('data that does not overlap the candles is an input error naming it', () => {
  const week = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');
  const eth = loadCandles('data/candles/ETH_BTC-5m.json');
  const fails = (run: () => unknown, field: string) => assert.throws(run, (e: unknown) => e instanceof InputError && e.message.startsWith(`${field}: `) && /do not overlap/.test(e.message));
  fails(() => buildFeatureMatrix(week.candles, { timeframeMs: week.timeframeMs, books }), 'books');
  fails(() => buildFeatureMatrix(week.candles, { timeframeMs: week.timeframeMs, trades: tape }), 'trades');
  fails(() => buildFeatureMatrix(eth.candles, { timeframeMs: eth.timeframeMs, openInterest: inputs.openInterest }), 'openInterest');
  const withOi = buildFeatureMatrix(week.candles.slice(0, 200), { timeframeMs: week.timeframeMs, openInterest: inputs.openInterest });
  assert.ok(OI.every((n) => names(withOi).includes(n)) && withOi.rows.length > 0, 'the BTC/USDT week has open interest');
});
