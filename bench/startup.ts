/**
 * Whole processes, as a user starts them: `arbiter --help` and a cold single-pair backtest (sma-cross on 5,760
 * ETH/BTC 5m bars, `--json`) from the compiled CLI, against the floor of starting node itself (`node -e 0`).
 * Each is the median of several runs, alternated so a drift in machine speed hits all three alike.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { projectPath } from '../actors/runtime/project-root.js';

const CLI = projectPath('dist', 'bin', 'arbiter.js');
const BACKTEST = ['backtest', '--strategy', 'sma-cross', '--data', projectPath('data', 'candles', 'ETH_BTC-5m.json'), '--json'];

function seconds(args: string[]): number {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const s = (performance.now() - t0) / 1000;
  if (res.status !== 0) throw new Error(`node ${args.join(' ')} exited ${res.status}: ${res.stderr}`);
  return s;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function benchStartup(runs = 7): Record<string, unknown> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const node: number[] = [];
  const help: number[] = [];
  const backtest: number[] = [];
  let runSeconds = 0;
  for (let i = 0; i < runs; i++) {
    node.push(seconds(['-e', '0']));
    help.push(seconds([CLI, '--help']));
    const t0 = performance.now();
    const res = spawnSync(process.execPath, [CLI, ...BACKTEST], { encoding: 'utf8' });
    backtest.push((performance.now() - t0) / 1000);
    if (res.status !== 0) throw new Error(`backtest exited ${res.status}: ${res.stderr}`);
    runSeconds = (JSON.parse(res.stdout.trim().split('\n').at(-1)!) as { wallSeconds: number }).wallSeconds;
  }
  const nodeSeconds = median(node);
  const helpSeconds = median(help);
  const coldBacktestSeconds = median(backtest);
  return {
    runs,
    nodeSeconds,
    helpSeconds,
    coldBacktestSeconds,
    // The backtest's own replay (its `wallSeconds`, last run): the rest of the process is start-up and output.
    backtestReplaySeconds: runSeconds,
    targets: { helpSeconds: 0.3, coldBacktestSeconds: 0.5 },
  };
}
