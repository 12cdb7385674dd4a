import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parsePools, parsePoolsJson, type Pool } from '../../../actors/strategies/flash-loan/pool.js';
import { resolveToken } from '../../../actors/strategies/flash-loan/resolve-token.js';
import { loadSnapshotPairs, SUSHISWAP_SNAPSHOT, UNISWAP_SNAPSHOT } from '../../../actors/strategies/flash-loan/load-snapshot.js';
import { InputError } from '../../../actors/runtime/errors.js';

const OVERLAP = 'data/dex/uniswap-sushiswap-overlap.pools.json';
const pool = (token0: string, token1: string, symbols: [string, string] | [] = []): Pool =>
  parsePools([{ dex: 'd', pair: `${token0}-${token1}`, token0, token1, reserve0: '1', reserve1: '1', ...(symbols.length ? { symbol0: symbols[0], symbol1: symbols[1] } : {}) }])[0]!;

test('an address of the pools resolves in any case; a symbol of the file resolves to its one address', () => {
  const pools = [pool('0xAAA', '0xBBB', ['WETH', 'DAI'])];
  assert.equal(resolveToken('0xaaa', pools, 'p.json'), '0xaaa');
  assert.equal(resolveToken('0xAAA', pools, 'p.json'), '0xaaa');
  assert.equal(resolveToken('weth', pools, 'p.json'), '0xaaa');
  assert.equal(resolveToken('DAI', pools, 'p.json'), '0xbbb');
});

test('unknown names, unknown addresses and ambiguous symbols are InputErrors naming the value and the file', () => {
  const pools = [pool('0xaaa', '0xbbb', ['WETH', 'DAI']), pool('0xccc', '0xbbb', ['weth', 'DAI'])];
  const fails = (value: string, list: readonly Pool[], message: RegExp, issue?: RegExp) =>
    assert.throws(() => resolveToken(value, list, 'p.json'), (e: unknown) => e instanceof InputError && message.test(e.shortMessage) && (!issue || e.issues.some((i) => issue.test(i))));
  fails('USDC', pools, /^--token USDC: not an address and not a symbol in p\.json$/, /^symbols in p\.json, most pools first: DAI, weth, WETH$/);
  fails('WETH', pools, /^--token WETH: symbol of 2 tokens in p\.json; pass the address$/, /^0xccc$/);
  fails('WETH', [pool('0xaaa', '0xbbb')], /not an address and not a symbol in p\.json/, /has no symbols \(symbol0\/symbol1\): pass a token address/);
  fails('0x00000000000000000000000000000000000000ff', pools, /^--token 0x0+ff: no pool in p\.json trades this token$/);
});

test('the shipped overlap pools carry the recorded snapshots\' symbols; WETH and the stablecoins resolve to their mainnet addresses', () => {
  const recorded = new Map<string, [string, string]>();
  for (const file of [UNISWAP_SNAPSHOT, SUSHISWAP_SNAPSHOT]) for (const p of loadSnapshotPairs(file)) recorded.set(p.address, [p.token0.symbol, p.token1.symbol]);
  const pools = parsePoolsJson(readFileSync(OVERLAP, 'utf8'), OVERLAP);
  for (const p of pools) assert.deepEqual([p.symbol0, p.symbol1], recorded.get(p.pair), p.pair);
  assert.equal(resolveToken('WETH', pools, OVERLAP), '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2');
  assert.equal(resolveToken('USDC', pools, OVERLAP), '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48');
  assert.equal(resolveToken('DAI', pools, OVERLAP), '0x6b175474e89094c44da98b954eedeac495271d0f');
});
