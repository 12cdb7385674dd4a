import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { catalogue } from '../../../actors/strategies/catalogue/catalogue.js';
import { paramNames } from '../../../actors/backtest/strategy-params.js';
import { ARBITER } from '../../support/arbiter-cli.js';

const strategies = (...args: string[]) => spawnSync(process.execPath, [ARBITER, 'strategies', ...args], { encoding: 'utf8' });

interface Listed {
  name: string;
  family: string;
  runs: string[];
  needs: string[];
  machine: { file: string; id: string };
  configKey: string;
  params: { name: string; type: string; default: unknown; description: string }[];
}

function listed(...args: string[]): Listed[] {
  const res = strategies(...args, '--json');
  assert.equal(res.status, 0, res.stderr);
  const lines = res.stdout.trim().split('\n');
  assert.equal(lines.length, 1, 'one JSON line');
  return (JSON.parse(lines[0]!) as { strategies: Listed[] }).strategies;
}

test('--json lists every catalogue entry with its family, where it runs and its parameters at their schema defaults', () => {
  const out = listed();
  const byName = new Map(out.map((s) => [s.name, s]));
  for (const name of ['sma-cross', 'market-making', 'triangular', 'cross-exchange', 'flash-loan']) assert.ok(byName.has(name), `${name} listed`);
  assert.equal(byName.get('sma-cross')!.family, 'ai_trading');
  assert.equal(byName.get('market-making')!.family, 'market_making');
  assert.equal(byName.get('flash-loan')!.family, 'flash_loans');
  assert.equal(byName.get('market-making')!.configKey, 'strategies.marketMaking');
  assert.equal(out.length, catalogue.length);
  for (const d of catalogue) {
    const s = byName.get(d.name)!;
    assert.equal(s.family, d.family);
    assert.deepEqual(s.runs, d.runs);
    assert.deepEqual(s.needs, d.needs);
    assert.deepEqual(s.machine, d.machine);
    const defaults = d.params.parse({});
    assert.deepEqual(s.params.map((p) => p.name), paramNames(d.params), `${d.name}: every parameter, in order`);
    assert.deepEqual(Object.fromEntries(s.params.map((p) => [p.name, p.default])), defaults, `${d.name}: defaults`);
    for (const p of s.params) assert.ok(p.description.length > 0, `${d.name}.${p.name} has a description`);
  }
});

test('--family and --runs filter the catalogue', () => {
  assert.deepEqual(listed('--family', 'arbitrage').map((s) => s.name).sort(), catalogue.filter((d) => d.family === 'arbitrage').map((d) => d.name).sort());
  const backtest = listed('--runs', 'backtest');
  assert.ok(backtest.length > 0 && backtest.every((s) => s.runs.includes('backtest')));
  assert.deepEqual(backtest.map((s) => s.name).sort(), catalogue.filter((d) => d.runs.includes('backtest')).map((d) => d.name).sort());
});

test('the listing names every strategy with its family, and every parameter with its default', () => {
  const res = strategies();
  assert.equal(res.status, 0, res.stderr);
  for (const d of catalogue) {
    assert.match(res.stdout, new RegExp(`^${d.name} \\(${d.family}\\)$`, 'm'));
    for (const [name, value] of Object.entries(d.params.parse({}) as Record<string, unknown>)) {
      assert.match(res.stdout, new RegExp(`^ +${name} +${JSON.stringify(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `, 'm'), `${d.name}.${name}`);
    }
  }
});

test('an unknown --family or --runs exits 2 naming the value and the allowed ones, without a stack trace', () => {
  for (const [flag, bad, allowed] of [
    ['--runs', 'moon', /backtest, paper, live/],
    ['--family', 'hodl', /flash_loans, arbitrage, market_making, ai_trading, quantum_trading/],
  ] as const) {
    const res = strategies(flag, bad);
    assert.equal(res.status, 2, res.stderr);
    assert.match(res.stderr, new RegExp(`${flag} <\\w+>' argument '${bad}' is invalid`));
    assert.match(res.stderr, allowed);
    assert.doesNotMatch(res.stderr, /^\s+at /m, 'no stack trace');
    assert.equal(res.stdout, '');
  }
});
