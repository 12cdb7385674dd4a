import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFeatureInputs } from '../../actors/features/inputs/load-feature-inputs.js';
import { InputError } from '../../actors/runtime/errors.js';

const BOOKS = 'data/books/binance_usdm_btcusdt_depth_2024-08-08T2354Z_3min.txt.gz';
const TRADES = 'data/futures/binance_usdm_btcusdt_trades_2024-08-08T2354Z_6min.csv';
const OI = 'data/futures/btc_open_interest_usd_daily_2019-03-30_2024-11-20.csv';
const NEWS = 'data/news/cryptopanic_btc_eth_2018-01-15_2018-01-18.jsonl';

test('the recorded files load: the book from its snapshot on, every futures trade with its taker side, every OI day', async () => {
  const inputs = await loadFeatureInputs({ books: BOOKS, trades: TRADES, openInterest: OI, news: NEWS });
  const books = inputs.books!;
  assert.equal(books.from, 1723161256501, 'the snapshot at its event time E');
  assert.equal(books.updates.length, 1 + 3427 - 4, 'the snapshot, then the diffs after the 4 older than it');
  assert.ok(books.updates[0]!.snapshot && books.updates.slice(1).every((u) => !u.snapshot));
  assert.equal(books.to, books.updates.at(-1)!.ts);
  const trades = inputs.trades!;
  assert.equal(trades.trades.length, 21_313);
  assert.deepEqual(trades.trades[0], { ts: 1723161256322, price: 61800.3, qty: 0.006, takerSide: 'buy' });
  assert.deepEqual([trades.from, trades.to], [1723161256322, 1723161599643]);
  const oi = inputs.openInterest!;
  assert.equal(oi.length, 2063);
  assert.deepEqual(oi[0], { day: Date.parse('2019-03-30T00:00:00Z'), usd: 605258083 });
  assert.equal(inputs.news!.length, 18);
  assert.deepEqual(await loadFeatureInputs({}), {});
});

const dir = mkdtempSync(join(tmpdir(), 'arbiter-feature-inputs-'));
after(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function rejectsNaming(files: Parameters<typeof loadFeatureInputs>[0], pattern: RegExp): Promise<void> {
  await assert.rejects(loadFeatureInputs(files), (e: unknown) => e instanceof InputError && pattern.test(e.message), String(pattern));
}

test('a bad trades file is an input error naming the file, the row and the field', async () => {
  const header = 'ts_ms,trade_id,price,qty,is_buyer_maker,taker_side\n';
  const good = '1000,1,100.5,0.1,false,buy\n';
  const qty = file('qty.csv', `${header}${good}1001,2,100.5,abc,true,sell\n`);
  await rejectsNaming({ trades: qty }, new RegExp(`^${qty}:3: qty "abc"`));
  const side = file('side.csv', `${header}${good}1001,2,100.5,1,true,buy\n`);
  await rejectsNaming({ trades: side }, new RegExp(`^${side}:3: taker_side "buy" contradicts is_buyer_maker true`));
  const order = file('order.csv', `${header}${good}999,2,100.5,1,true,sell\n`);
  await rejectsNaming({ trades: order }, new RegExp(`^${order}:3: ts_ms 999 is before`));
  const header2 = file('header.csv', `ts,price\n${good}`);
  await rejectsNaming({ trades: header2 }, new RegExp(`^${header2}:1: expected the header`));
  await rejectsNaming({ trades: join(dir, 'missing.csv') }, /missing\.csv: cannot read trades file \(ENOENT\)/);
});

test('a bad open-interest file is an input error naming the file and row', async () => {
  const header = 'date_utc,ts_ms,open_interest_usd\n';
  const date = file('date.csv', `${header}2024-01-01,1704067200000,5\n2024-01-02,1704067200000,6\n`);
  await rejectsNaming({ openInterest: date }, new RegExp(`^${date}:3: ts_ms "1704067200000" is not the start of date_utc "2024-01-02"`));
  const value = file('value.csv', `${header}2024-01-01,1704067200000,-5\n`);
  await rejectsNaming({ openInterest: value }, new RegExp(`^${value}:2: open_interest_usd "-5"`));
});

test('books must be a depth recording whose diffs follow its snapshot', async () => {
  await rejectsNaming({ books: 'data/books/binance_nknusdt_30s_apart.books.json' }, /^data\/books\/binance_nknusdt_30s_apart\.books\.json: books must be a depth websocket recording/);
  const diff = (U: number, u: number, pu: number, E: number) => `1 {"stream":"x@depth","data":{"e":"depthUpdate","E":${E},"U":${U},"u":${u},"pu":${pu},"b":[],"a":[]}}`;
  const snapshot = '1 {"lastUpdateId":10,"E":500,"bids":[["100","1"]],"asks":[["101","1"]]}';
  const broken = file('broken.txt', [snapshot, diff(9, 12, 8, 600), diff(13, 15, 12, 700), diff(20, 22, 19, 800)].join('\n'));
  await rejectsNaming({ books: broken }, new RegExp(`^${broken}: depth diff 2 \\(u 22\\) does not follow the one before it`));
  const late = file('late.txt', [snapshot, diff(14, 15, 13, 600)].join('\n'));
  await rejectsNaming({ books: late }, new RegExp(`^${late}: the first depth diff after the snapshot \\(lastUpdateId 10\\) does not straddle it`));
  const timeless = file('timeless.txt', [snapshot.replace('"E":500,', ''), diff(9, 12, 8, 600)].join('\n'));
  await rejectsNaming({ books: timeless }, new RegExp(`^${timeless}: the depth snapshot has no event time E`));
  const ok = await loadFeatureInputs({ books: file('ok.txt', [snapshot, diff(9, 12, 8, 600), diff(13, 15, 12, 550)].join('\n')) });
  assert.deepEqual(ok.books!.updates.map((u) => u.ts), [500, 600, 600], 'a diff stamped before the one it follows is known only with it');
});
