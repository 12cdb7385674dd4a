import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPortfolioInput } from '../../../actors/quantum/portfolio/portfolio-input.js';
import { InputError } from '../../../actors/runtime/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'arbiter-portfolio-input-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
let k = 0;
const write = (content: unknown): string => {
  const file = join(dir, `p${k++}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const issues = (content: unknown): string[] => {
  const file = write(content);
  try {
    readPortfolioInput(file);
  } catch (e) {
    assert.ok(e instanceof InputError);
    return e.issues.map((line) => line.replace(`${file}: `, ''));
  }
  assert.fail('expected an InputError');
};

test('readPortfolioInput: a valid file, names defaulted, no warning', () => {
  const r = readPortfolioInput(write({ mu: [0.1, 0.2], sigma: [[0.04, 0.01], [0.01, 0.09]] }));
  assert.deepEqual(r, { mu: [0.1, 0.2], sigma: [[0.04, 0.01], [0.01, 0.09]], names: ['a0', 'a1'], warnings: [] });
});

test('readPortfolioInput: each bad field is named with its index', () => {
  assert.match(issues({ mu: [0.1, 'x'], sigma: [[1, 0], [0, 1]] })[0]!, /^mu\[1\]: /);
  assert.match(issues({ mu: [0.1, 0.2], sigma: [[1, 0], [0, null]] })[0]!, /^sigma\[1\]\[1\]: /);
  assert.deepEqual(issues({ mu: [0.1, 0.2], sigma: [[1, 0, 0], [0, 1]] }), ['sigma[0]: 3 entries, expected 2']);
  assert.deepEqual(issues({ mu: [0.1, 0.2], sigma: [[1, 0]] }), ['sigma: 1 rows, mu has 2 entries']);
  assert.deepEqual(issues({ mu: [0.1, 0.2], sigma: [[1, 0.5], [0.4, 1]] }), ['sigma[0][1] = 0.5 but sigma[1][0] = 0.4: sigma must be symmetric']);
  assert.deepEqual(issues({ mu: [0.1, 0.2], sigma: [[1, 0], [0, 1]], names: ['A'] }), ['names: 1 names, mu has 2 entries']);
  assert.match(issues({ mu: [0.1], sigma: [[1]], weights: [1] })[0]!, /^\(root\): Unrecognized key/);
  assert.match(issues({ mu: [], sigma: [] })[0]!, /^mu: /);
  assert.match(issues('{"mu": [1e999], "sigma": [[1]]}')[0]!, /^mu\[0\]: /, 'JSON overflow to Infinity is not finite');
});

test('readPortfolioInput: Σ not positive semidefinite is a warning, a singular covariance is not', () => {
  // [[1,2],[2,1]] has eigenvalues 3 and −1
  const bad = readPortfolioInput(write({ mu: [0.1, 0.2], sigma: [[1, 2], [2, 1]], names: ['A', 'B'] }));
  assert.equal(bad.warnings.length, 1);
  assert.match(bad.warnings[0]!, /sigma is not positive semidefinite/);
  // [[1,1],[1,1]]: eigenvalues 2 and 0 (two copies of one asset)
  assert.deepEqual(readPortfolioInput(write({ mu: [0.1, 0.2], sigma: [[1, 1], [1, 1]] })).warnings, []);
});
