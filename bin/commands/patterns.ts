import { InvalidArgumentError, type Command } from 'commander';
import { ArbiterError, InputError } from '../../actors/runtime/errors.js';
import { loadFeatureInputs } from '../../actors/features/inputs/load-feature-inputs.js';
import { describeGap } from '../../actors/market-data/candles/gaps.js';
import { DEFAULT_ZIGZAG, scanPatterns } from '../../actors/patterns/scan-patterns.js';
import type { ZigzagThreshold } from '../../actors/patterns/swings/zigzag.js';
import { summarizeMicrostructure, type MicrostructureSummary } from '../../actors/patterns/microstructure-summary.js';
import { candleSeries } from '../candle-series.js';
import { columns } from '../columns.js';
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

function printMicrostructure(m: MicrostructureSummary): void {
  const lines: string[] = [];
  if (m.kyleLambda !== undefined) lines.push(m.kyleLambda === null ? "Kyle's lambda: too little data" : `Kyle's lambda ${num(m.kyleLambda.slope)} per unit of signed taker volume (t ${num(m.kyleLambda.tStat)}, R² ${num(m.kyleLambda.r2)}, n ${m.kyleLambda.n} × ${m.kyleLambda.intervalMs / 1000} s)`);
  if (m.vpin !== undefined) lines.push(m.vpin === null ? 'VPIN: too few buckets' : `VPIN last ${num(m.vpin.last)}, min ${num(m.vpin.min)}, max ${num(m.vpin.max)} (${m.vpin.buckets} buckets, window ${m.vpin.window})`);
  if (m.tradeSignAutocorrelation !== undefined) lines.push(`trade-sign autocorrelation, lags 1..: ${m.tradeSignAutocorrelation === null ? '–' : m.tradeSignAutocorrelation.map(num).join(', ')}`);
  if (m.ofi !== undefined) lines.push(m.ofi === null ? 'OFI: no book changes' : `best-level OFI per ${m.ofi.intervalMs / 1000} s: mean ${num(m.ofi.meanPerInterval)}, min ${num(m.ofi.min)}, max ${num(m.ofi.max)} over ${m.ofi.intervals} intervals`);
  if (m.spread !== undefined) lines.push(m.spread === null ? 'spread: no two-sided book' : `spread mean ${num(m.spread.mean)} (${(m.spread.meanRelative * 1e4).toFixed(2)} bp), min ${num(m.spread.min)}, max ${num(m.spread.max)} over ${m.spread.books} books`);
  if (m.depthImbalance !== undefined) lines.push(m.depthImbalance === null ? 'depth imbalance: no book' : `depth imbalance (top ${m.depthImbalance.levels}) mean ${num(m.depthImbalance.mean)}, min ${num(m.depthImbalance.min)}, max ${num(m.depthImbalance.max)}, last ${num(m.depthImbalance.last)}`);
  for (const line of lines) process.stdout.write(`${line}\n`);
}

async function execute(opts: PatternsOpts): Promise<void> {
  const zigzag = threshold(opts);
  if (opts.horizon !== undefined && !opts.evaluate) throw new InputError('--horizon: only with --evaluate');
  const inputs = await loadFeatureInputs({ books: opts.books, trades: opts.trades });
  const { series, file } = candleSeries(opts, inputs.trades);
  for (const g of series.gaps) process.stderr.write(`gap in ${file}: ${describeGap(g)} (not filled)\n`);
  const { patterns, swings } = scanPatterns(series.candles, { zigzag });
  if (opts.evaluate) return printPatternEvaluation(series, patterns, { file, horizons: opts.horizon, json: opts.json });
  const microstructure = summarizeMicrostructure({ books: inputs.books, trades: inputs.trades });
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
  printMicrostructure(microstructure);
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
    .option('--evaluate', "instead of the list: each kind of pattern's forward return against every bar's, with a bootstrap 95% CI and a verdict")
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
