import type { Command } from 'commander';
import { register as run } from './run.js';
import { register as metrics } from './metrics.js';
import { register as backtest } from './backtest.js';
import { register as scan } from './scan.js';
import { register as quote } from './quote.js';
import { register as demo } from './demo.js';

/** Each command lives in its own file and registers itself here (one line each). */
export const commands: Array<(program: Command) => void> = [
  run,
  metrics,
  backtest,
  scan,
  quote,
  demo,
];
