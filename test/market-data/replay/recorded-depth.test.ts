import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../../../actors/runtime/errors.js';
import { alignment, parseRecordedLines, readRecordedLines, readSnapshotThenDiffs } from '../../../actors/market-data/replay/recorded-depth.js';

const FUTURES = 'data/books/binance_usdm_btcusdt_depth_2024-08-08T2354Z_3min.txt.gz';
const futures = readRecordedLines(FUTURES);
const nkn = readSnapshotThenDiffs('data/books/binance_nknusdt_depth_snapshot.json', 'data/books/binance_nknusdt_depth_updates.json');

test('the USD-M BTCUSDT recording: 3,427 diff frames, the REST snapshot after the 6th, frames unchanged', () => {
  assert.equal(futures.frames.length, 3427);
  assert.equal(futures.beforeSnapshot, 6);
  assert.equal(futures.snapshot.lastUpdateId, 5123107852948);
  assert.deepEqual([futures.snapshot.bids.length, futures.snapshot.asks.length], [1000, 1000]);
  const lines = gunzipSync(readFileSync(FUTURES)).toString('utf8').split('\n');
  assert.equal(futures.frames[0], lines[0]!.slice(lines[0]!.indexOf(' ') + 1));
  assert.deepEqual(JSON.parse(futures.frames[0]!).data, futures.diffs[0]);
  assert.equal(futures.diffs[0]!.pu, 5123107831937);
});

test('futures rule: 4 diffs older than the snapshot are dropped, the next straddles it, and the pu chain never breaks', () => {
  assert.deepEqual(alignment(futures), { stale: 4, straddles: true, breaks: [] });
  const first = futures.diffs[4]!;
  assert.ok(first.U <= futures.snapshot.lastUpdateId && first.u >= futures.snapshot.lastUpdateId);
});

test('spot rule on the NKNUSDT pair: the first diff ends at lastUpdateId (dropped), the second starts right after it', () => {
  assert.equal(nkn.frames.length, 150);
  assert.equal(nkn.beforeSnapshot, 0);
  assert.deepEqual(alignment(nkn), { stale: 1, straddles: true, breaks: [] });
  assert.deepEqual(JSON.parse(nkn.frames[1]!), nkn.diffs[1]);
});

test('a lost diff is a break at the diff after it; a lost straddling diff means the recording cannot start', () => {
  const lose = (k: number) => ({ ...futures, diffs: futures.diffs.filter((_, i) => i !== k) });
  assert.deepEqual(alignment(lose(100)).breaks, [100]);
  assert.deepEqual(alignment(lose(4)), { stale: 4, straddles: false, breaks: [] });
  assert.deepEqual(alignment({ ...nkn, diffs: nkn.diffs.filter((_, i) => i !== 40) }).breaks, [40]);
});

test('other messages are skipped; bad lines, a missing or second snapshot are input errors naming the file and line', () => {
  const snap = '{"lastUpdateId":5,"bids":[["1","1"]],"asks":[]}';
  const diff = '{"stream":"x@depth","data":{"e":"depthUpdate","U":4,"u":6,"pu":3,"b":[],"a":[]}}';
  const rec = parseRecordedLines(`1 ${diff}\n2 {"stream":"x@trade","data":{"e":"trade"}}\n3 ${snap}\n`, 'mem.txt');
  assert.deepEqual([rec.frames, rec.beforeSnapshot], [[diff], 1]);
  assert.throws(() => parseRecordedLines(`1 ${snap}\n{oops\n`, 'mem.txt'), (e: unknown) => e instanceof InputError && /mem\.txt: line 2/.test(e.message));
  assert.throws(() => parseRecordedLines(`1 ${diff}\n`, 'mem.txt'), /no depth snapshot/);
  assert.throws(() => parseRecordedLines(`1 ${snap}\n2 ${snap}\n3 ${diff}\n`, 'mem.txt'), /line 2 is a second depth snapshot/);
  const dir = mkdtempSync(join(tmpdir(), 'recorded-'));
  writeFileSync(join(dir, 'diffs.json'), '[{"e":"trade"}]');
  assert.throws(() => readSnapshotThenDiffs('data/books/binance_nknusdt_depth_snapshot.json', join(dir, 'diffs.json')), /entry 0 is not a depthUpdate/);
  assert.throws(() => readRecordedLines(join(dir, 'missing.txt')), /missing\.txt: cannot read the recording/);
});
