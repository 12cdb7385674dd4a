import { workerData } from 'node:worker_threads';
import { loadCandles } from '../../market-data/candles/load-candles.js';
import { runCombination, type SweepSetup } from './run-combination.js';
import { serveTasks } from '../../runtime/workers/serve-tasks.js';

/** A sweep worker: loads the candle files once, then backtests each parameter set it is sent. */
const setup = workerData as SweepSetup;
const series = new Map(setup.data.map((file) => [file, loadCandles(file)]));

serveTasks((params: Record<string, unknown>) => runCombination(setup, params, (file) => series.get(file)!));
