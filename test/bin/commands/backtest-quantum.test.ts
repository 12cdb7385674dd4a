import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARBITER } from '../../support/arbiter-cli.js';

const DATA = ['ADA', 'ETH', 'LTC'].map((a) => `data/candles/${a}_BTC-5m.json`).join(',');
const PARAMS = ['windowBars=100', 'rebalanceBars=200', 'budget=2', 'layers=1', 'shots=16'].flatMap((p) => ['--param', p]);
/** Resolves with stdout; rejects (failing the test with stderr) on a non-zero exit. */
const backtest = async (...args: string[]) => (await promisify(execFile)(process.execPath, [ARBITER, 'backtest', '--strategy', 'quantum-portfolio', '--data', DATA, ...PARAMS, ...args], { encoding: 'utf8' })).stdout;
const cells = (line: string) => line.trim().split(/\s{2,}/);

test('backtest --strategy quantum-portfolio: the choices table and P&L block in text, the same numbers in --json and the report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bt-quantum-'));
  try {
    const report = join(dir, 'q.html');
    // the two runs at once: the report's sensitivity runs make the --json one the longer
    const [jsonOut, textOut] = await Promise.all([backtest('--json', '--report', report), backtest()]);
    const out = JSON.parse(jsonOut.trim().split('\n').pop()!);
    assert.equal(out.choices.length, 1);
    const c = out.choices[0];
    assert.ok(c.rebalances.length >= 20, `${c.rebalances.length} rebalances`);
    for (const r of c.rebalances) {
      assert.equal(r.qaoa.length, 2, 'QAOA holds budget markets');
      assert.equal(r.exact.length, 2);
      assert.equal(r.shots, 16);
      assert.ok(Math.abs(r.optimumInShots - (1 - (1 - r.probabilityOfOptimum) ** 16)) < 1e-12);
      assert.ok(Math.abs(r.uniformOptimumInShots - (1 - (1 - 1 / 3) ** 16)) < 1e-12, 'one optimum among the three pairs');
    }
    assert.equal(c.optimal, c.rebalances.filter((r: { optimal: boolean }) => r.optimal).length);

    const lines = textOut.split('\n');
    const title = lines.indexOf("quantum-portfolio: QAOA's pick beside the brute-force optimum at each rebalance");
    assert.ok(title > 0, textOut);
    assert.equal(lines[title + 1], 'QAOA here is a classical state-vector simulation of a quantum algorithm (no quantum hardware).');
    assert.deepEqual(cells(lines[title + 2]!).slice(0, 4), ['time (UTC)', 'QAOA', 'exact optimum', 'P(optimum)']);
    c.rebalances.forEach((r: { ts: number; qaoa: string[]; exact: string[]; probabilityOfOptimum: number; uniformProbability: number; orders: number }, k: number) => {
      const row = cells(lines[title + 3 + k]!);
      assert.equal(row[0], new Date(r.ts).toISOString().slice(0, 16).replace('T', ' '));
      assert.equal(row[1], r.qaoa.join(','));
      assert.equal(row[2], r.qaoa.join() === r.exact.join() ? 'same' : r.exact.join(','));
      assert.deepEqual([row[3], row[4], row.at(-1)], [r.probabilityOfOptimum.toFixed(4), r.uniformProbability.toFixed(4), String(r.orders)]);
    });
    const pnl = lines.findIndex((l) => l.startsWith('P&L, quote currency'));
    assert.deepEqual(lines.slice(pnl + 1, pnl + 5).map(cells), [
      ['strategy (own fills)', c.pnlOwn.toFixed(6)],
      ["QAOA's picks", c.pnl.qaoa.toFixed(6)],
      ['exact optima', c.pnl.exact.toFixed(6)],
      ['equal weight', c.pnl.equalWeight.toFixed(6)],
    ]);
    assert.equal(c.pnlOwn, out.equityEnd - out.capital);
    assert.equal(lines[pnl + 5], `QAOA picked an optimum in ${c.optimal} of ${c.rebalances.length} rebalances`);

    const html = readFileSync(report, 'utf8');
    assert.equal(html.match(/<table id="choices-table-0">[\s\S]*?<\/table>/)![0].match(/<tr><td>/g)!.length, c.rebalances.length);
    assert.match(html, new RegExp(`<tr><td>QAOA&#39;s picks</td><td>${c.pnl.qaoa.toFixed(6)}</td></tr>`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('backtest --strategy quantum-portfolio refuses, exit 2 and one line, what it cannot trade', () => {
  const refuse = (data: string, extra: string[], what: RegExp) => {
    const res = spawnSync(process.execPath, [ARBITER, 'backtest', '--strategy', 'quantum-portfolio', '--data', data, ...extra], { encoding: 'utf8' });
    assert.equal(res.status, 2, res.stderr);
    const lines = res.stderr.split('\n').filter((l) => l && !l.startsWith('gap in '));
    assert.equal(lines.length, 1, res.stderr);
    assert.match(lines[0]!, what);
  };
  refuse('data/candles/ETH_BTC-5m.json', [], /^arbiter backtest: quantum-portfolio: budget 3 needs more markets than that; it was given 1 \(ETH\/BTC\)$/);
  refuse('data/candles/ETH_BTC-5m.json,data/candles/BTC_USDT-1m-2021-02-19_week.json', ['--param', 'budget=1'], /must share one quote currency .* have BTC, USDT$/);
  refuse(DATA, ['--host', 'actors', ...PARAMS], /strategy quantum-portfolio trades several markets on a step's bars .*: run it with --host trading$/);
});
