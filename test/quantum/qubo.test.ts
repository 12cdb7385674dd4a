import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quboValue, type Qubo } from '../../actors/quantum/qubo.js';

const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

// Q = [[1,2,0],[2,3,-1],[0,-1,4]], c = [-1,0,2], offset 0.5
const qubo: Qubo = { n: 3, Q: [[1, 2, 0], [2, 3, -1], [0, -1, 4]], c: [-1, 0, 2], offset: 0.5 };

test('quboValue: the diagonal counts once, each off-diagonal pair twice, plus c and the offset', () => {
  near(quboValue(qubo, [0, 0, 0]), 0.5, '000: the offset alone');
  near(quboValue(qubo, [1, 1, 0]), 7.5, '110: 1 + 3 + 2·2 − 1 + 0.5');
  near(quboValue(qubo, [1, 0, 1]), 6.5, '101: 1 + 4 + 2·0 − 1 + 2 + 0.5');
  near(quboValue(qubo, [0, 1, 1]), 7.5, '011: 3 + 4 + 2·(−1) + 0 + 2 + 0.5');
  near(quboValue(qubo, [1, 1, 1]), 11.5, '111: 1 + 3 + 4 + 2·(2 + 0 − 1) + 1 + 0.5');
});
