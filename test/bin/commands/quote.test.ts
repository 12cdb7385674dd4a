import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getAmountIn, getAmountOut } from '../../../actors/strategies/flash-loan/v2-math.js';
import { ARBITER } from '../../support/arbiter-cli.js';

const cli = (args: string[]) => spawnSync(process.execPath, [ARBITER, ...args], { encoding: 'utf8' });

test('arbiter quote dex --json prints exact opportunities, best first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quote-'));
  try {
    const file = join(dir, 'pools.json');
    const E18 = 10n ** 18n;
    writeFileSync(
      file,
      JSON.stringify([
        { dex: 'uni', pair: '0xu1', token0: '0xweth', token1: '0xdai', reserve0: (100n * E18).toString(), reserve1: (40_000n * E18).toString() },
        { dex: 'sushi', pair: '0xs1', token0: '0xdai', token1: '0xweth', reserve0: (41_000n * E18).toString(), reserve1: (100n * E18).toString() },
        { dex: 'sushi', pair: '0xs2', token0: '0xweth', token1: '0xdai', reserve0: (100n * E18).toString(), reserve1: (40_100n * E18).toString() },
      ]),
    );
    const res = cli(['quote', 'dex', '--pools', file, '--json', '--token', '0xWETH']);
    assert.equal(res.status, 0, res.stderr);
    const out = JSON.parse(res.stdout.trim().split('\n').at(-1)!);
    assert.equal(out.opportunities.length, 1, 'the 0.25% gap to s2 does not cover two 0.3% fees');
    const [best] = out.opportunities;
    assert.equal(best.buyPool, '0xs1');
    assert.equal(best.sellPool, '0xu1');
    const borrow = BigInt(best.borrowAmount);
    assert.equal(best.amountIn, getAmountIn(borrow, 100n * E18, 41_000n * E18)!.toString());
    assert.equal(best.amountOut, getAmountOut(borrow, 40_000n * E18, 100n * E18).toString());
    assert.equal(BigInt(best.profit), BigInt(best.amountOut) - BigInt(best.amountIn));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the real Uniswap/SushiSwap overlap quotes in profit order', () => {
  const stdout = execFileSync(process.execPath, [ARBITER, 'quote', 'dex', '--pools', 'data/dex/uniswap-sushiswap-overlap.pools.json', '--json'], { encoding: 'utf8' });
  const out = JSON.parse(stdout.trim().split('\n').at(-1)!);
  assert.equal(out.pools, 232);
  assert.equal(out.poolPairs, 116);
  const profits = out.opportunities.map((o: { profit: string }) => BigInt(o.profit));
  assert.ok(profits.length > 0);
  for (let i = 1; i < profits.length; i++) assert.ok(profits[i - 1] >= profits[i]);
});

test('a malformed entry exits 2 naming the entry and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quote-'));
  try {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify([{ dex: 'uni', pair: '0x1', token0: '0xa', token1: '0xb', reserve0: '10', reserve1: '1e5' }]));
    const res = cli(['quote', 'dex', '--pools', file, '--json']);
    assert.equal(res.status, 2);
    assert.match(res.stderr, /pool at index 0: field "reserve1": expected a decimal string of raw units, got string "1e5"/);
    assert.equal(cli(['quote', 'dex']).status, 2, 'missing --pools is a usage error');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--token takes a symbol the pools file gives (same quotes as its address); an unknown one exits 2 naming it and the file', () => {
  const POOLS = 'data/dex/uniswap-sushiswap-overlap.pools.json';
  const last = (res: ReturnType<typeof cli>) => {
    assert.equal(res.status, 0, res.stderr);
    return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as { opportunities: Array<{ profitToken: string }> };
  };
  const bySymbol = last(cli(['quote', 'dex', '--pools', POOLS, '--token', 'WETH', '--json']));
  const byAddress = last(cli(['quote', 'dex', '--pools', POOLS, '--token', '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', '--json']));
  assert.ok(bySymbol.opportunities.length > 0);
  assert.deepEqual(bySymbol, byAddress);
  for (const o of bySymbol.opportunities) assert.equal(o.profitToken, '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2');

  const unknown = cli(['quote', 'dex', '--pools', POOLS, '--token', 'NOPE', '--json']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /--token NOPE: not an address and not a symbol in data\/dex\/uniswap-sushiswap-overlap\.pools\.json/);
  assert.match(unknown.stderr, /symbols in .*: .*\bWETH\b/);
  assert.doesNotMatch(unknown.stderr, /^\s+at /m);

  const dir = mkdtempSync(join(tmpdir(), 'quote-'));
  try {
    const file = join(dir, 'pools.json');
    writeFileSync(file, JSON.stringify([{ dex: 'uni', pair: '0xu1', token0: '0xweth', token1: '0xdai', reserve0: '100', reserve1: '400' }]));
    const noSymbols = cli(['quote', 'dex', '--pools', file, '--token', 'WETH']);
    assert.equal(noSymbols.status, 2);
    assert.match(noSymbols.stderr, new RegExp(`--token WETH: not an address and not a symbol in ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.match(noSymbols.stderr, /has no symbols \(symbol0\/symbol1\): pass a token address/);
    assert.doesNotMatch(noSymbols.stderr, /^\s+at /m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
