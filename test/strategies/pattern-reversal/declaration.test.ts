import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARBITER } from '../../support/arbiter-cli.js';
import { patternReversalParams } from '../../../actors/strategies/pattern-reversal/params.js';
import { streamSignals } from '../../../actors/patterns/stream-signals.js';
import { loadCandles } from '../../../actors/market-data/candles/load-candles.js';

const dir = mkdtempSync(join(tmpdir(), 'arbiter-pattern-reversal-'));
const slice = join(dir, 'BTC_USDT-1m-3000.json');
writeFileSync(slice, JSON.stringify((JSON.parse(readFileSync('data/candles/BTC_USDT-1m-2021-02-19_week.json', 'utf8')) as unknown[]).slice(0, 3000)));
const backtest = (...args: string[]) => spawnSync(process.execPath, [ARBITER, 'backtest', '--strategy', 'pattern-reversal', '--data', slice, '--capital', '10000', ...args], { encoding: 'utf8' });

test('pattern-reversal params: the ai guards without model or threshold, entering within 3 bars of a pattern by default', () => {
  const p = patternReversalParams.parse({});
  assert.equal(p.patternBars, 3);
  assert.equal('model' in p || 'threshold' in p, false);
  assert.deepEqual(patternReversalParams.safeParse({ threshold: 0.1 }).error?.issues[0]?.code, 'unrecognized_keys');
});

test('arbiter backtest --strategy pattern-reversal enters only on the bars after a bullish pattern the actor announced', () => {
  const res = backtest('--json');
  assert.equal(res.status, 0, res.stderr);
  const out = JSON.parse(res.stdout.trim().split('\n').at(-1)!) as { trades: { entryTime: number }[]; open: { entryTime: number }[] };
  const entries = [...out.trades, ...out.open].map((t) => t.entryTime);
  const { candles } = loadCandles(slice);
  const bar = new Map(candles.map((c, i) => [c.ts, i]));
  const bullish = streamSignals(candles).filter((s) => s.direction === 'bullish').map((s) => bar.get(s.confirmedAt)!);
  assert.ok(entries.length >= 3, `${entries.length} entries`);
  // Filled at the open after the decision bar, which is the pattern's own bar or one of the next 3.
  for (const ts of entries) assert.ok(bullish.some((b) => bar.get(ts)! - 1 - b >= 0 && bar.get(ts)! - 1 - b <= 3), `entry at bar ${bar.get(ts)}`);
});

test('without a pattern actor (--no-patterns, --host direct) it refuses to run, exit 2, saying why', () => {
  for (const flags of [['--no-patterns'], ['--host', 'direct']]) {
    const res = backtest(...flags);
    assert.equal(res.status, 2, flags.join(' '));
    assert.equal(res.stderr, "arbiter backtest: pattern-reversal trades the pattern actor's signals: run it where one runs (not --no-patterns, not --host direct)\n");
  }
});
