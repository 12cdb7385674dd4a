import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { ArbiterError, InputError } from '../../actors/runtime/errors.js';
import { loadFeatureInputs } from '../../actors/features/inputs/load-feature-inputs.js';
import { describeGap } from '../../actors/market-data/candles/gaps.js';
import { DEFAULT_ZIGZAG, scanPatterns } from '../../actors/patterns/scan-patterns.js';
import { streamSignals } from '../../actors/patterns/stream-signals.js';
import type { ZigzagThreshold } from '../../actors/patterns/swings/zigzag.js';
import { summarizeMicrostructure } from '../../actors/patterns/microstructure-summary.js';
import { describeMicrostructure } from '../../actors/patterns/describe-microstructure.js';
import { renderPatternsReport } from '../../actors/patterns/report/render-patterns-report.js';
import { candleSeries } from '../candle-series.js';
import { columns } from '../columns.js';
import { checkOutputFile } from '../output-file.js';
import { parseHorizons, printPatternEvaluation } from './patterns-evaluation.js';
import type { CommandAbout } from './index.js';

interface PatternsOpts {
  data?: string;
  timeframe?: string;
  books?: string;
  trades?: string;
  zigzag?: number;
  zigzagAtr?: number;
  evaluate?: boolean;
  horizon?: number[];
  json?: boolean;
  report?: string;
}

/** ATR period of `--zigzag-atr` (Wilder's usual 14). */
const ATR_PERIOD = 14;

const positive = (v: string) => {
  const n = Number(v);
  if (v.trim() === '' || !(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError(`expected a positive number, got "${v}"`);
  return n;
};

function threshold(opts: PatternsOpts): ZigzagThreshold {
  if (opts.zigzag !== undefined && opts.zigzagAtr !== undefined) throw new InputError('--zigzag and --zigzag-atr: give one swing threshold, not both');
  if (opts.zigzagAtr !== undefined) return { kind: 'atr', period: ATR_PERIOD, multiple: opts.zigzagAtr };
  if (opts.zigzag !== undefined) return { kind: 'percent', percent: opts.zigzag };
  return DEFAULT_ZIGZAG;
}

const iso = (ms: number, barMs: number) => new Date(ms).toISOString().slice(0, barMs < 60_000 ? 19 : 16).replace('T', ' ');
const num = (x: number | null) => (x === null ? '–' : Math.abs(x) >= 100 ? x.toFixed(2) : x.toPrecision(4));

async function execute(opts: PatternsOpts): Promise<void> {
  const zigzag = threshold(opts);
  if (opts.report) checkOutputFile(opts.report, '--report');
  if (opts.report && opts.evaluate) throw new InputError('--report and --evaluate: give one (the report draws the patterns, the evaluation prints a table)');
  if (opts.horizon !== undefined && !opts.evaluate) throw new InputError('--horizon: only with --evaluate');
  const inputs = await loadFeatureInputs({ books: opts.books, trades: opts.trades });
  const { series, file } = candleSeries(opts, inputs.trades);
  for (const g of series.gaps) process.stderr.write(`gap in ${file}: ${describeGap(g)} (not filled)\n`);
  if (opts.evaluate) return printPatternEvaluation(series, streamSignals(series.candles, { zigzag }), { file, horizons: opts.horizon, json: opts.json });
  const { patterns, swings } = scanPatterns(series.candles, { zigzag });
  const microstructure = summarizeMicrostructure({ books: inputs.books, trades: inputs.trades });
  if (opts.report) {
    const source = file.split('/').pop()!;
    writeFileSync(opts.report, renderPatternsReport({ title: `Patterns in ${source}`, source: file, candles: series.candles, timeframeMs: series.timeframeMs, patterns, swings, zigzag, microstructure }));
    process.stderr.write(`report written to ${opts.report}\n`);
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ patterns, swings, bars: series.candles.length, microstructure })}\n`);
    return;
  }
  const rows = [
    ['family', 'name', 'direction', 'confirmed at', 'invalidation', 'points'],
    ...patterns.map((p) => [p.family, p.status === undefined ? p.name : `${p.name} (${p.lastEvent}, ${p.status})`, p.direction, iso(p.confirmedAt, series.timeframeMs), num(p.invalidation), p.points.map((q) => q.label).join(' ')]),
  ];
  for (const line of columns(rows, { right: (c) => c === 4 })) process.stdout.write(`${line}\n`);
  const counts = ['harmonic', 'elliott', 'wyckoff'].map((f) => `${patterns.filter((p) => p.family === f).length} ${f}`);
  process.stdout.write(`${patterns.length} patterns (${counts.join(', ')}) from ${swings} swings over ${series.candles.length} bars of ${file}\n`);
  for (const line of describeMicrostructure(microstructure)) process.stdout.write(`${line}\n`);
}

export function register(program: Command, about: CommandAbout): void {
  program
    .command(about.name)
    .description(about.summary)
    .option('--data <candles.json>', 'candle file, e.g. data/candles/BTC_USDT-1m-2021-02-19_week.json (without it, bars are built from --trades)')
    .option('--timeframe <bar>', "the bar length the data must have, e.g. 1m (default: the file's); without --data, the bars built from --trades (default 1s)")
    .option('--books <file.txt[.gz]>', 'depth websocket recording for OFI, spread, depth imbalance (and with --trades, Kyle\'s lambda), e.g. data/books/binance_usdm_btcusdt_depth_2024-08-08T2354Z_6min.txt.gz')
    .option('--trades <file.csv[.gz]>', 'trades with the taker side for VPIN and trade-sign autocorrelation, e.g. data/futures/binance_usdm_btcusdt_trades_2024-08-08T2354Z_6min.csv')
    .option('--zigzag <percent>', `swing threshold: the close must come back this % from the extreme (default ${DEFAULT_ZIGZAG.kind === 'percent' ? DEFAULT_ZIGZAG.percent : ''})`, positive)
    .option('--zigzag-atr <multiple>', `swing threshold as a multiple of the ${ATR_PERIOD}-bar ATR instead of a percentage`, positive)
    .option('--report <file.html>', 'write a self-contained HTML report: the bars as candlesticks with every pattern drawn over them, a table of the patterns, the microstructure summary')
    .option('--evaluate', "instead of the list: the forward return after each kind of pattern a pattern actor announces, against every bar's, with a bootstrap 95% CI and a verdict")
    .option('--horizon <bars>', 'with --evaluate: forward horizon in bars, or several, e.g. 5,10,30 (default 10)', parseHorizons)
    .option('--json', 'print one JSON object as the last line: {"patterns":[...],"swings","bars","microstructure":{...}}; with --evaluate {"evaluation":{...}}')
    .action(async (opts: PatternsOpts) => {
      try {
        await execute(opts);
      } catch (err) {
        if (err instanceof ArbiterError) {
          process.stderr.write(`arbiter patterns: ${err.shortMessage}\n`);
          process.exit(2);
        }
        throw err;
      }
    });
}
