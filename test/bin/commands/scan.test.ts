import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARBITER } from '../../support/arbiter-cli.js';

const scan = (...args: string[]) => spawnSync(process.execPath, [ARBITER, 'scan', ...args], { encoding: 'utf8' });
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function refused(res: ReturnType<typeof scan>, pattern: RegExp): void {
  assert.equal(res.status, 2, res.stderr);
  assert.match(res.stderr, pattern);
  assert.doesNotMatch(res.stderr, /^\s+at /m, 'no stack trace');
}

function withFiles(files: Record<string, string>, body: (path: (name: string) => string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    body((name) => join(dir, name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('scan triangular: an empty tickers array, a zero-byte tickers file, an exchangeInfo without symbols exit 2 naming the file', () => {
  withFiles({ 'empty.json': '[]', 'zero.json': '', 'info.json': JSON.stringify({ symbols: [] }) }, (path) => {
    refused(scan('triangular', '--tickers', path('empty.json'), '--fee', '0.001'), new RegExp(`${esc(path('empty.json'))}: no tickers$`, 'm'));
    refused(scan('triangular', '--tickers', path('zero.json'), '--fee', '0.001'), new RegExp(`${esc(path('zero.json'))}: no tickers \\(empty file\\)`));
    refused(
      scan('triangular', '--tickers', 'data/tickers/binance_24hr_2020-10-09T0205Z.json', '--markets', path('info.json'), '--fee', '0.001'),
      new RegExp(`${esc(path('info.json'))}: no symbols$`, 'm'),
    );
  });
});

test('scan cross: a books file with no venue, one venue, or zero bytes exits 2 naming the file', () => {
  const book = { bids: [[100, 1]], asks: [[101, 1]] };
  withFiles({ 'none.json': '{}', 'one.json': JSON.stringify({ binance: book }), 'zero.json': '' }, (path) => {
    refused(scan('cross', '--books', path('none.json'), '--fee', '0.001'), new RegExp(`${esc(path('none.json'))}: no books; a cross needs two venues or more`));
    refused(scan('cross', '--books', path('one.json'), '--fee', '0.001'), new RegExp(`${esc(path('one.json'))}: one venue \\(binance\\); a cross needs two venues or more`));
    refused(scan('cross', '--books', path('zero.json'), '--fee', '0.001'), new RegExp(`${esc(path('zero.json'))}: no books \\(empty file\\)`));
  });
});

test("the README's scan cross example runs on the shipped sample books", () => {
  const readme = readFileSync('README.md', 'utf8');
  const example = /`arbiter (scan cross [^`]*)`/.exec(readme)?.[1];
  assert.ok(example, 'README has a scan cross example');
  const [, , ...args] = example.split(/\s+/);
  const books = args[args.indexOf('--books') + 1]!;
  assert.ok(existsSync(books), `${books} ships`);
  const res = scan('cross', ...args);
  assert.equal(res.status, 0, res.stderr);
  const out = JSON.parse(res.stdout.trim().split('\n').at(-1)!);
  assert.deepEqual(out.venues, Object.keys(JSON.parse(readFileSync(books, 'utf8'))));
  assert.equal(typeof out.crossable, 'boolean');
});

test('scan triangular: a bad exchangeInfo filter names the entry by its index, counted from 0, its symbol and the field', () => {
  const info = { symbols: [{ symbol: 'ETHBTC', baseAsset: 'ETH', quoteAsset: 'BTC', filters: [{ filterType: 'LOT_SIZE', stepSize: 'x', minQty: '0.001' }] }] };
  withFiles({ 'info.json': JSON.stringify(info) }, (path) => {
    refused(
      scan('triangular', '--tickers', 'data/tickers/binance_24hr_2020-10-09T0205Z.json', '--markets', path('info.json'), '--fee', '0.001'),
      /symbols entry at index 0 \(ETHBTC\): filters\.LOT_SIZE\.stepSize: expected a non-negative number, got "x"/,
    );
  });
});
