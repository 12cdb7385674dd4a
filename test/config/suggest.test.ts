import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closest } from '../../config/suggest.js';

test('a near miss suggests the key, a far one suggests nothing', () => {
  const keys = ['maxLeverage', 'maxPositionFraction', 'staleDataMs'];
  assert.equal(closest('maxleverage', keys), 'maxLeverage');
  assert.equal(closest('maxLevrage', keys), 'maxLeverage');
  assert.equal(closest('staleDataMS', keys), 'staleDataMs');
  assert.equal(closest('volume', keys), undefined);
  assert.equal(closest('x', []), undefined);
});
