import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ARBITER } from '../support/arbiter-cli.js';

// A module hook that names every package the process imports, on stderr.
const HOOK = `data:text/javascript,${encodeURIComponent(`
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
export async function load(url, context, next) {
  const m = url.match(/node_modules\\\\/((@[^/]+\\\\/)?[^/]+)/);
  if (m) process.stderr.write('loaded ' + m[1] + '\\\\n');
  return next(url, context);
}\`));
`)}`;

function packagesLoaded(...args: string[]): Set<string> {
  const res = spawnSync(process.execPath, ['--import', HOOK, ARBITER, ...args], { encoding: 'utf8' });
  assert.equal(res.status, 0, res.stderr);
  return new Set([...res.stderr.matchAll(/^loaded (\S+)$/gm)].map((m) => m[1]!));
}

test('the arbiter bin is the compiled CLI, started by node', () => {
  const bin = (JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> }).bin.arbiter;
  assert.equal(bin, ARBITER);
  assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env -S node /);
});

test('--help loads only commander; a backtest never loads ccxt, ethers, SQLite or pg', () => {
  assert.deepEqual([...packagesLoaded('--help')], ['commander']);
  const backtest = packagesLoaded('backtest', '--strategy', 'sma-cross', '--data', 'data/candles/ETH_BTC-5m.json', '--json');
  assert.ok(backtest.has('xstate') && backtest.has('nact'), [...backtest].join(', '));
  for (const heavy of ['ccxt', 'ethers', 'better-sqlite3', 'pg']) assert.ok(!backtest.has(heavy), `backtest loaded ${heavy}`);
});
