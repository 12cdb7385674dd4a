/**
 * Child process for the sweep bench's hardware floor: the compiled single-pair backtest run a few times in a loop,
 * printing the loop's seconds (start-up excluded). Run alone, then two at once.
 */
import { projectPath } from '../actors/runtime/project-root.js';

const dist = (...path: string[]) => import(projectPath('dist', 'actors', ...path));
const { runBacktest } = await dist('backtest', 'run-backtest.js');
const { fillModel } = await dist('venues', 'replay', 'fill-model.js');
const { loadCandles } = await dist('market-data', 'candles', 'load-candles.js');
const { strategyFactory } = await dist('backtest', 'strategies.js');

const series = loadCandles(projectPath('data', 'candles', 'ETH_BTC-5m.json'));
const { machine, input } = strategyFactory('sma-cross')({ name: 'loop', venue: 'replay', symbol: series.symbol, capital: 1, feeRate: 0.001, params: { fast: 10, slow: 30 } });
const t0 = performance.now();
for (let i = 0; i < Number(process.argv[2] ?? 6); i++) {
  await runBacktest({ strategies: [{ name: 'loop', series, capital: 1, machine, input }], model: fillModel('optimistic', 0.001), venueId: 'replay' });
}
process.stdout.write(`${(performance.now() - t0) / 1000}\n`);
