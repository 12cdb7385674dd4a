import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDepthFrame, readDepthFrame } from '../../../actors/market-data/order-book/depth-frame.js';
import { readRecordedLines, readSnapshotThenDiffs } from '../../../actors/market-data/replay/recorded-depth.js';

/** The plain way: JSON.parse, then Number() on every level. */
function plain(frame: string) {
  const msg = JSON.parse(frame) as Record<string, unknown>;
  const d = (msg.data ?? msg) as { U: number; u: number; pu?: number; E?: number; b: [string, string][]; a: [string, string][] };
  const levels = (side: [string, string][]) => side.map(([p, q]) => [Number(p), Number(q)]);
  return { U: d.U, u: d.u, ...(d.pu !== undefined ? { pu: d.pu } : {}), ...(d.E !== undefined ? { E: d.E } : {}), b: levels(d.b), a: levels(d.a) };
}

test('every recorded frame (USD-M BTCUSDT combined stream, NKNUSDT raw stream) reads exactly as JSON.parse + Number()', () => {
  const futures = readRecordedLines('data/books/binance_usdm_btcusdt_depth_2024-08-08T2354Z_3min.txt.gz');
  const nkn = readSnapshotThenDiffs('data/books/binance_nknusdt_depth_snapshot.json', 'data/books/binance_nknusdt_depth_updates.json');
  for (const frame of [...futures.frames, ...nkn.frames]) assert.deepEqual(parseDepthFrame(frame), plain(frame));
  // The repository's NKNUSDT file is spaced as Python wrote it: whitespace is allowed anywhere JSON allows it.
  const spaced = '{"e": "depthUpdate", "E": 1633998512068, "s": "NKNUSDT", "U": 499869750, "u": 499869752, "b": [["0.35130000", "6195.00000000"]], "a": []}';
  assert.deepEqual(parseDepthFrame(spaced), plain(spaced));
});

test('any decimal of up to 15 digits reads as Number() reads it', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), fc.integer({ min: 0, max: 14 }), (digits, scale) => {
      const text = digits.toString().padStart(scale + 1, '0');
      const decimal = scale > 0 ? `${text.slice(0, -scale)}.${text.slice(-scale)}` : text;
      const frame = `{"e":"depthUpdate","U":1,"u":2,"b":[["${decimal}","1"]],"a":[]}`;
      assert.equal(parseDepthFrame(frame)!.b[0]![0], Number(decimal));
    }),
    { numRuns: 2000 },
  );
});

test('anything it does not read exactly is left to JSON.parse (undefined), never misread', () => {
  const ok = (b: string) => `{"e":"depthUpdate","U":1,"u":2,"b":${b},"a":[]}`;
  assert.ok(parseDepthFrame(ok('[["1.5","2"]]')));
  for (const frame of [
    '{"result":null,"id":1}',
    '{"e":"trade","E":1,"p":"1.0"}',
    '{"stream":"x@bookTicker","data":{"e":"bookTicker","u":1,"b":"1.0","a":"2.0"}}',
    ok('[["1e3","2"]]'),
    ok('[["1234567890.1234567","2"]]'),
    ok('[[1.5,"2"]]'),
    ok('[["-1.5","2"]]'),
    ok('[["1.","2"]]'),
    ok('[["1.5","2","3"]]'),
    '{"e":"depth\\u0055pdate","U":1,"u":2,"b":[],"a":[]}',
    '{"e":"depthUpdate","U":1,"u":2,"b":[],"a":[],"x":{"nested":1}}',
    '{"e":"depthUpdate","U":1,"b":[],"a":[]}',
    '{"e":"depthUpdate","U":1,"u":2,"b":[["1.5","2"]',
    '',
  ]) {
    assert.equal(parseDepthFrame(frame), undefined, frame);
  }
});

test('readDepthFrame: what the fast reader leaves goes through JSON.parse; other messages and broken text are not depth updates', () => {
  const odd = '{"e":"depthUpdate","U":1,"u":2,"b":[["1e3","2"]],"a":[]}';
  assert.deepEqual(readDepthFrame(odd), { e: 'depthUpdate', U: 1, u: 2, b: [['1e3', '2']], a: [] });
  assert.deepEqual(readDepthFrame('{"e":"depthUpdate","U":1,"u":2,"b":[["1.5","2"]],"a":[]}'), { U: 1, u: 2, b: [[1.5, 2]], a: [] });
  for (const frame of ['{"result":null,"id":1}', 'null', '{"stream":"x@trade","data":{"e":"trade"}}', '{oops']) assert.equal(readDepthFrame(frame), undefined, frame);
});
