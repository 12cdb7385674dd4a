import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strategyNames } from '../../../actors/strategies/catalogue/catalogue.js';
import { ARBITER } from '../../support/arbiter-cli.js';

const backtest = (...args: string[]) => spawnSync(process.execPath, [ARBITER, 'backtest', ...args], { encoding: 'utf8' });
const DATA = 'data/candles/ETH_BTC-5m.json';
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function refused(res: ReturnType<typeof backtest>, ...patterns: RegExp[]): void {
  assert.equal(res.status, 2, res.stderr);
  for (const p of patterns) assert.match(res.stderr, p);
  assert.doesNotMatch(res.stderr, /^\s+at /m, 'no stack trace');
}

test('--report into a missing directory, or onto a directory, is refused before the backtest runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bt-report-'));
  try {
    const missing = join(dir, 'nope', 'out.html');
    const res = backtest('--strategy', 'sma-cross', '--data', DATA, '--report', missing, '--json');
    refused(res, new RegExp(`--report ${esc(missing)}: directory ${esc(join(dir, 'nope'))} does not exist`));
    assert.equal(res.stdout, '', 'nothing ran: no result line');

    const isDir = join(dir, 'reports');
    mkdirSync(isDir);
    refused(backtest('--strategy', 'sma-cross', '--data', DATA, '--report', isDir, '--json'), new RegExp(`--report ${esc(isDir)}: is a directory`));

    const underFile = join(dir, 'plain');
    writeFileSync(underFile, '');
    refused(backtest('--strategy', 'sma-cross', '--data', DATA, '--report', join(underFile, 'out.html')), new RegExp(`${esc(underFile)} is not a directory`));
    assert.equal(existsSync(missing), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('unknown and invalid --param values exit 2, one line per key, with the config schema rules', () => {
  refused(
    backtest('--strategy', 'sma-cross', '--data', DATA, '--param', 'nosuch=1', '--slow', '0'),
    /--param nosuch: unknown parameter of sma-cross; known: fast, slow, fraction/,
    /--slow: must be > 0 \(got 0\)/,
  );
  refused(
    backtest('--strategy', 'market-making', '--data', DATA, '--param', 'orderAmount=0', '--param', 'baseSpread=2', '--param', 'skew=abc', '--param', 'volatilityWindow=2.5'),
    /--param orderAmount: must be > 0 \(got 0\)/,
    /--param baseSpread: must be ≤ 1 \(got 2\)/,
    /--param skew: must be a number \(got abc\)/,
    /--param volatilityWindow: must be an integer \(got 2\.5\)/,
  );
  refused(backtest('--strategy', 'sma-cross', '--data', DATA, '--fast', '40'), /--fast: must be shorter than slow \(30\) \(got 40\)/);
  refused(backtest('--strategy', 'market-making', '--data', DATA, '--fast', '5'), /--fast: unknown parameter of market-making/);
  refused(backtest('--strategy', 'sma-cross', '--data', DATA, '--fast', '5', '--param', 'fast=6'), /--param fast: given twice \(also as --fast\)/);
  refused(backtest('--strategy', 'toString', '--data', DATA), new RegExp(`unknown strategy "toString"; strategies that run in backtest: ${strategyNames('backtest').join(', ')}`));
});

test('--fast/--slow and --param fast=/slow= are the same parameters: numbers from strings, same trades', () => {
  const last = (res: ReturnType<typeof backtest>) => {
    assert.equal(res.status, 0, res.stderr);
    return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as { trades: unknown[] };
  };
  const flags = last(backtest('--strategy', 'sma-cross', '--data', DATA, '--fast', '12', '--slow', '26', '--host', 'direct', '--json'));
  const params = last(backtest('--strategy', 'sma-cross', '--data', DATA, '--param', 'fast=12', '--param', 'slow=26', '--host', 'direct', '--json'));
  const defaults = last(backtest('--strategy', 'sma-cross', '--data', DATA, '--host', 'direct', '--json'));
  assert.deepEqual(params.trades, flags.trades);
  assert.notDeepEqual(defaults.trades, flags.trades, 'the parameters reached the strategy');
});

test('allocation-file params are checked by the same schemas, named file: strategies.N.params.key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bt-alloc-'));
  try {
    const file = join(dir, 'alloc.yaml');
    writeFileSync(file, [
      'capital: 1',
      'strategies:',
      `  - { name: eth, strategy: sma-cross, data: ${DATA}, params: { fast: 12, slow: 26 } }`,
      `  - { name: mm, strategy: market-making, data: ${DATA}, params: { orderAmount: 0, nosuch: 1 } }`,
      `  - { name: moon, strategy: constructor, data: ${DATA} }`,
    ].join('\n'));
    refused(
      backtest('--allocation', file, '--json'),
      /invalid allocation \(strategies counted from 0\)/,
      new RegExp(`${esc(file)}: strategies\\.1\\.params\\.orderAmount: must be > 0 \\(got 0\\)`),
      new RegExp(`${esc(file)}: strategies\\.1\\.params\\.nosuch: unknown parameter of market-making`),
      new RegExp(`${esc(file)}: strategies\\.2\\.strategy: unknown strategy "constructor"`),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--allocation with --strategy, --data or parameters exits 2 naming both flags', () => {
  refused(backtest('--allocation', 'alloc.yaml', '--strategy', 'sma-cross'), /--allocation <file>.*cannot be used with.*--strategy <name>/);
  refused(backtest('--allocation', 'alloc.yaml', '--data', DATA), /--allocation <file>.*cannot be used with.*--data <files>/);
  refused(backtest('--allocation', 'alloc.yaml', '--param', 'fast=3'), /--allocation <file>.*cannot be used with.*--param <key=value>/);
});
