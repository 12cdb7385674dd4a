import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARBITER } from '../../support/arbiter-cli.js';
import { readFileSync } from 'node:fs';
import { readQasm } from '../../../actors/quantum/qasm/read-qasm.js';

const cli = (args: string[]) => spawnSync(process.execPath, [ARBITER, 'quantum', 'portfolio', ...args], { encoding: 'utf8' });
const lastJson = (stdout: string): any => JSON.parse(stdout.trim().split('\n').pop()!);
const THREE = ['ETH', 'LTC', 'XMR'].map((a) => `data/candles/${a}_BTC-5m.json`).join(',');
const NOTE = 'classical state-vector simulation of a quantum algorithm (no quantum hardware)';

const dir = mkdtempSync(join(tmpdir(), 'arbiter-quantum-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};

test('quantum portfolio --returns on three BTC pairs, budget 2: the exact optimum is the best of the three pairs of its own μ and Σ', () => {
  const res = cli(['--returns', THREE, '--budget', '2', '--json']);
  assert.equal(res.status, 0, res.stderr);
  const out = lastJson(res.stdout);
  assert.equal(out.note, NOTE);
  assert.deepEqual(out.assets, ['ETH/BTC', 'LTC/BTC', 'XMR/BTC']);
  // ETH and LTC have 5760 bars, XMR 5758: 5758 shared, 2 gaps, so 5755 one-bar returns
  assert.deepEqual(out.data.droppedBars, [2, 2, 0]);
  assert.equal(out.data.returns, 5755);
  const { mu, sigma } = out as { mu: number[]; sigma: number[][] };
  const pairs = [[0, 1], [0, 2], [1, 2]].map(([i, j]) => ({ i: i!, j: j!, value: 0.5 * (sigma[i!]![i!]! + sigma[j!]![j!]! + 2 * sigma[i!]![j!]!) - mu[i!]! - mu[j!]! }));
  const best = pairs.reduce((a, b) => (b.value < a.value ? b : a));
  assert.deepEqual(out.exact.selection, [0, 1, 2].map((k) => (k === best.i || k === best.j ? 1 : 0)));
  assert.ok(Math.abs(out.exact.objective - best.value) < 1e-18, `${out.exact.objective} vs ${best.value}`);
  assert.equal(out.exact.feasible, 3);
  assert.equal(out.uniformProbability, 1 / 3);
  // QAOA beside it (XY mixer, p = 3 by default): always feasible, and here its best sample is the optimum.
  assert.deepEqual([out.qaoa.mixer, out.qaoa.layers], ['xy', 3]);
  assert.ok(Math.abs(out.qaoa.feasibleProbability - 1) < 1e-9);
  assert.deepEqual(out.qaoa.selection, out.exact.selection);
  assert.equal(out.ising.h.length, 3);
});

test('quantum portfolio: the human output says it is a classical simulation and tables the assets', () => {
  const res = cli(['--returns', THREE, '--budget', '1']);
  assert.equal(res.status, 0, res.stderr);
  const lines = res.stdout.split('\n');
  assert.equal(lines[0], NOTE);
  assert.match(res.stdout, /^asset\s+mu\s+sigma\s+exact\s+qaoa$/m);
  assert.match(res.stdout, /^exact optimum \(brute force over 3 portfolios of 1, risk aversion 0\.5\): \S+\/BTC, objective /m);
  assert.match(res.stdout, /4 bars dropped to align, 2 gaps skipped/);
});

test('quantum portfolio --input: the four-asset example of the brute-force test', () => {
  const input = file('four.json', {
    mu: [0.1, 0.2, 0.15, 0.06],
    sigma: [[0.04, 0.01, 0, 0], [0.01, 0.09, 0.06, 0], [0, 0.06, 0.0625, 0], [0, 0, 0, 0.01]],
    names: ['A', 'B', 'C', 'D'],
  });
  const out = lastJson(cli(['--input', input, '--budget', '2', '--risk', '1', '--json']).stdout);
  assert.deepEqual(out.exact.assets, ['B', 'D']);
  assert.ok(Math.abs(out.exact.objective + 0.16) < 1e-12);
  assert.equal(out.uniformProbability, 1 / 6);
});

test('quantum portfolio --qasm writes the optimised circuit as OpenQASM 2 that reads back; an unwritable path exits 2', () => {
  const out = join(dir, 'portfolio.qasm');
  const res = cli(['--returns', THREE, '--budget', '2', '--layers', '2', '--qasm', out]);
  assert.equal(res.status, 0, res.stderr);
  const text = readFileSync(out, 'utf8');
  assert.match(text, /^\/\/ QAOA, 2 layer\(s\), xy mixer, budget 2: exported from a classical state-vector simulation of a quantum algorithm\./m);
  const circuit = readQasm(text, out);
  assert.equal(circuit.n, 3);
  assert.deepEqual(circuit.measured, [0, 1, 2]);
  const bad = cli(['--returns', THREE, '--budget', '2', '--qasm', join(dir, 'missing', 'x.qasm')]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^arbiter quantum portfolio: --qasm/);
});

test('quantum portfolio --help and arbiter --help say it is a classical simulation', () => {
  const help = spawnSync(process.execPath, [ARBITER, 'quantum', 'portfolio', '--help'], { encoding: 'utf8' });
  assert.match(help.stdout.replace(/\s+/g, ' '), /classical state-vector simulation of a quantum algorithm \(no quantum hardware\)/);
  const top = spawnSync(process.execPath, [ARBITER, '--help'], { encoding: 'utf8' });
  assert.match(top.stdout.replace(/\s+/g, ' '), /quantum .*classical state-vector simulation of a quantum algorithm/);
});

test('quantum portfolio: bad input exits 2 with one line naming the flag or file', () => {
  const n21 = file('n21.json', { mu: new Array(21).fill(0), sigma: Array.from({ length: 21 }, (_, i) => Array.from({ length: 21 }, (_, j) => (i === j ? 1 : 0))) });
  const asymmetric = file('asym.json', { mu: [0, 0], sigma: [[1, 0.5], [0.4, 1]] });
  const cases: [string[], RegExp][] = [
    [['--returns', THREE, '--budget', '3'], /^--budget 3: expected a whole number of assets from 1 to 2 \(of 3\)$/],
    [['--returns', THREE, '--budget', '0'], /^--budget 0: /],
    [['--input', n21, '--budget', '2'], /^--input .*n21\.json: 21 assets, at most 20/],
    [['--input', asymmetric, '--budget', '1'], /asym\.json: sigma\[0\]\[1\] = 0\.5 but sigma\[1\]\[0\] = 0\.4/],
    [['--returns', `${THREE},missing.json`, '--budget', '1'], /^missing\.json: cannot read candle file/],
    [['--returns', THREE, '--input', asymmetric, '--budget', '1'], /^give one of --input/],
    [['--returns', THREE, '--budget', '1', '--risk', '-1'], /^--risk -1: /],
    [['--returns', THREE, '--budget', '1', '--mixer', 'z'], /^--mixer z: /],
  ];
  for (const [args, message] of cases) {
    const res = cli(args);
    assert.equal(res.status, 2, `${args.join(' ')}: ${res.stderr}`);
    const lines = res.stderr.trim().split('\n');
    assert.equal(lines.length, 1, res.stderr);
    assert.match(lines[0]!.replace('arbiter quantum portfolio: ', ''), message);
  }
});
