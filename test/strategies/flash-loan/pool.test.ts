import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePools, parsePoolsJson } from '../../../actors/strategies/flash-loan/pool.js';
import { InputError } from '../../../actors/runtime/errors.js';

const good = { dex: 'uniswap', pair: '0xp1', token0: '0xA', token1: '0xB', reserve0: '123456789012345678901234567', reserve1: '5' };

test('parses reserves beyond 2^53 exactly as bigint and lowercases tokens', () => {
  const [pool] = parsePools([good]);
  assert.equal(pool!.reserve0, 123456789012345678901234567n);
  assert.equal(pool!.token0, '0xa');
});

test('a malformed entry is named by index and field', () => {
  const bad = [good, { ...good, reserve1: 12.5 }, { ...good, dex: undefined }];
  assert.throws(
    () => parsePools(bad, 'pools.json'),
    (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.match(err.message, /pools\.json: pool at index 1: field "reserve1": expected a decimal string of raw units, got number 12\.5/);
      assert.match(err.message, /pool at index 2: field "dex": expected a non-empty string, got nothing/);
      return true;
    },
  );
});

test('zero reserves, same tokens, non-arrays and bad JSON are rejected', () => {
  assert.throws(() => parsePools([{ ...good, reserve0: '0' }]), /pool at index 0: field "reserve0": reserve must be positive/);
  assert.throws(() => parsePools([{ ...good, token1: '0xa' }]), /pool at index 0: field "token1": same token/);
  assert.throws(() => parsePools({}), /expected a JSON array/);
  assert.throws(() => parsePoolsJson('[{', 'x.json'), /x\.json: not valid JSON/);
});

test('symbol0/symbol1 are optional and kept when present; present, they must be non-empty strings', () => {
  const [plain] = parsePools([good]);
  assert.equal('symbol0' in plain!, false);
  const [named] = parsePools([{ ...good, symbol0: 'WETH', symbol1: 'DAI' }]);
  assert.equal(named!.symbol0, 'WETH');
  assert.equal(named!.symbol1, 'DAI');
  assert.throws(() => parsePools([{ ...good, symbol1: 7 }]), /pool at index 0: field "symbol1": expected a non-empty string when present, got number 7/);
});
