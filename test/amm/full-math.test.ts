import assert from 'node:assert/strict';
import { test } from 'node:test';
import { divRoundingUp, MAX_UINT256, mulDiv, mulDivRoundingUp, Q128 } from '../../actors/amm/full-math.js';

test('mulDiv floors, mulDivRoundingUp rounds up only with a remainder', () => {
  assert.equal(mulDiv(7n, 3n, 2n), 10n);
  assert.equal(mulDivRoundingUp(7n, 3n, 2n), 11n);
  assert.equal(mulDivRoundingUp(8n, 3n, 2n), 12n);
  assert.equal(divRoundingUp(1n, 3n), 1n);
  assert.equal(divRoundingUp(0n, 3n), 0n);
});

test('mulDiv keeps a 512-bit intermediate: no phantom overflow, and a uint256 result is required', () => {
  // FullMath tests: Q128·(50%·Q128)/(150%·Q128) = Q128/3, though Q128·Q128 overflows 256 bits.
  assert.equal(mulDiv(Q128, (Q128 * 50n) / 100n, (Q128 * 150n) / 100n), Q128 / 3n);
  assert.equal(mulDivRoundingUp(Q128, (Q128 * 50n) / 100n, (Q128 * 150n) / 100n), Q128 / 3n + 1n);
  assert.equal(mulDiv(MAX_UINT256, MAX_UINT256, MAX_UINT256), MAX_UINT256);
  assert.throws(() => mulDiv(MAX_UINT256, MAX_UINT256, MAX_UINT256 - 1n), /overflows uint256/);
  assert.throws(() => mulDivRoundingUp(MAX_UINT256, MAX_UINT256, MAX_UINT256 - 1n), /overflows uint256/);
  // Rounding up can itself overflow: floor is MAX, with a remainder.
  assert.throws(() => mulDivRoundingUp(535006138814359n, 432862656469423142931042426214547535783388063929571229938474969n, 2n), /overflows uint256/);
  assert.throws(() => mulDiv(1n, 1n, 0n), /denominator 0/);
});
