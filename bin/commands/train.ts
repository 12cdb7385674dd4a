import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { commandConfig } from '../command-config.js';
import { ArbiterError, InputError } from '../../actors/runtime/errors.js';
import { describeGap } from '../../actors/market-data/candles/gaps.js';
import { loadFeatureInputs } from '../../actors/features/inputs/load-feature-inputs.js';
import { buildFeatureMatrix } from '../../actors/features/build-feature-matrix.js';
import { MODEL_KINDS, type Hyperparameters, type ModelKind } from '../../actors/models/model.js';
import { defaultHyperparameters, parseHyperparameters } from '../../actors/models/hyper-params.js';
import { toModelSeries } from '../../actors/models/evaluation/model-series.js';
import { DEFAULT_WINDOWS, planFolds } from '../../actors/models/evaluation/plan-folds.js';
import { BASELINE_NAMES } from '../../actors/models/evaluation/baselines.js';
import { trainInWorker } from '../../actors/models/training/train-in-worker.js';
import type { TrainResult } from '../../actors/models/training/train-job.js';
import type { StoredModel } from '../../actors/models/store/stored-model.js';
import { checkDbFile } from '../../actors/ledger/storage/check-db-file.js';
import { openDatabase } from '../../actors/ledger/storage/database.js';
import { saveModel } from '../../actors/models/store/model-store.js';
import { renderTrainingReport } from '../../actors/models/report/render-training-report.js';
import { checkOutputFile } from '../output-file.js';
import { candleSeries } from '../candle-series.js';
import { columns } from '../columns.js';
import type { CommandAbout } from './index.js';

interface TrainOpts {
  model: ModelKind;
  data?: string;
  timeframe?: string;
  news?: string;
  books?: string;
  trades?: string;
  openInterest?: string;
  walkForward?: boolean;
  trainBars: number;
  testBars: number;
  window?: number;
  hidden?: number;
  epochs?: number;
  learningRate?: number;
  heads?: number;
  layers?: number;
  seed?: number;
  calibrate: boolean;
  fee?: number;
  config?: string;
  db?: string;
  save: boolean;
  report?: string;
  progress: boolean;
  json?: boolean;
}

const number = (v: string) => {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`expected a number, got "${v}"`);
  return n;
};
const whole = (v: string) => {
  const n = number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number ≥ 1, got "${v}"`);
  return n;
};

const pc = (x: number) => `${(x * 100).toFixed(1)}%`;
/** A bar's open time to the minute, or to the second for bars shorter than a minute. */
const iso = (ms: number, barMs = 60_000) => new Date(ms).toISOString().slice(0, barMs < 60_000 ? 19 : 16).replace('T', ' ');

/** The hyperparameters: the kind's defaults, overridden by the flags given, checked (InputError naming each bad field). */
function hyperparameters(opts: TrainOpts): Hyperparameters {
  const given = Object.fromEntries((['window', 'hidden', 'epochs', 'learningRate', 'heads', 'layers', 'seed'] as const).flatMap((k) => (opts[k] === undefined ? [] : [[k, opts[k]]])));
  return parseHyperparameters(opts.model, { ...defaultHyperparameters(opts.model), ...given, ...(opts.calibrate ? {} : { calibrate: false }) });
}

async function execute(opts: TrainOpts): Promise<void> {
  const config = commandConfig(opts.config);
  const dbFile = opts.db ?? config.storage.dbFile;
  const fee = opts.fee ?? config.paper.localExchanges.fee;
  if (fee < 0 || fee >= 1) throw new InputError(`--fee ${fee}: must be a rate in [0, 1)`);
  if (opts.report) checkOutputFile(opts.report, '--report');
  if (opts.save) checkDbFile(dbFile);
  const hyper = hyperparameters(opts);

  const inputs = await loadFeatureInputs({ news: opts.news, books: opts.books, trades: opts.trades, openInterest: opts.openInterest });
  const { series, file: dataFile } = candleSeries(opts, inputs.trades);
  for (const g of series.gaps) process.stderr.write(`gap in ${dataFile}: ${describeGap(g)} (not filled)\n`);
  const matrix = buildFeatureMatrix(series.candles, { timeframeMs: series.timeframeMs, ...inputs });
  const modelSeries = toModelSeries(matrix, series.candles, series.timeframeMs);
  const windows = { trainBars: opts.trainBars, testBars: opts.testBars };
  const folds = planFolds(modelSeries.ts.length, windows, hyper.window).length;

  const bar = opts.progress && process.stderr.isTTY === true
    ? new SingleBar({ format: `${opts.model} {stage} [{bar}] {percentage}% | epoch {value}/{total} | eta {eta_formatted}`, stream: process.stderr, clearOnComplete: true }, Presets.shades_classic)
    : undefined;
  bar?.start((folds + 1) * hyper.epochs, 0, { stage: `fold 1/${folds}` });
  const t0 = performance.now();
  let result: TrainResult;
  try {
    result = await trainInWorker({ series: modelSeries, kind: opts.model, hyper, fee, ...windows }, {
      onProgress: (p) => bar?.update((p.fold - 1) * p.epochs + p.epoch, { stage: p.stage === 'final' ? 'final fit' : `fold ${p.fold}/${p.folds}` }),
    });
  } finally {
    bar?.stop();
  }
  const wallSeconds = (performance.now() - t0) / 1000;

  const { predictions: _predictions, ...evaluation } = result.report;
  const candles = series.candles;
  const data: StoredModel['data'] = {
    file: dataFile, start: candles[0]!.ts, end: candles[candles.length - 1]!.ts, timeframeMs: series.timeframeMs,
    sha256: createHash('sha256').update(readFileSync(dataFile)).digest('hex'), rows: candles.length,
  };
  let modelId: string | null = null;
  if (opts.save) {
    const db = openDatabase(dbFile);
    try {
      modelId = saveModel(db, { saved: result.final.saved, scaler: result.final.scaler, features: evaluation.features, data, evaluation, enabled: evaluation.enabled, reason: evaluation.reason }).id;
    } finally {
      db.close();
    }
  }
  if (opts.report) {
    writeFileSync(opts.report, renderTrainingReport({ title: `${opts.model} walk-forward on ${dataFile.split('/').pop()}`, outcome: result, data, fee, modelId: modelId ?? undefined }));
    process.stderr.write(`report written to ${opts.report}\n`);
  }

  const r = result.report;
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({
      model: r.model,
      features: r.features.map((f) => f.name),
      folds: r.folds.map(({ trainStart, trainEnd, testStart, testEnd, accuracy, baselineAccuracy, samples, brier, baselines }) => ({ trainStart, trainEnd, testStart, testEnd, accuracy, baselineAccuracy, samples, brier, baselines })),
      outOfSample: r.outOfSample,
      enabled: r.enabled,
      reason: r.reason,
      modelId,
      bestBaseline: r.bestBaseline,
      baselines: r.baselines,
      significance: r.significance,
      hyper: r.hyper,
      fee,
      data,
      final: { trainStart: result.final.trainStart, trainEnd: result.final.trainEnd, samples: result.final.samples },
      wallSeconds,
    })}\n`);
    return;
  }
  const barMs = data.timeframeMs;
  const rows = [
    ['fold', 'train', 'test', 'samples', r.model, ...BASELINE_NAMES],
    ...r.folds.map((f, k) => [String(k + 1), `${iso(f.trainStart, barMs)} → ${iso(f.trainEnd, barMs)}`, `${iso(f.testStart, barMs)} → ${iso(f.testEnd, barMs)}`, String(f.samples), pc(f.accuracy), ...BASELINE_NAMES.map((n) => pc(f.baselines[n] ?? 0))]),
    ['all', '', '', String(r.outOfSample.samples), pc(r.outOfSample.accuracy), ...BASELINE_NAMES.map((n) => pc(r.baselines[n]!.accuracy))],
  ];
  for (const line of columns(rows, { right: (c) => c >= 3 })) process.stdout.write(`${line}\n`);
  process.stdout.write(`Brier ${r.outOfSample.brier.toFixed(4)}; long/flat P&L net of fees (${fee}) ${pc(r.outOfSample.pnl)} vs ${BASELINE_NAMES.map((n) => `${n} ${pc(r.baselines[n]!.pnl)}`).join(', ')}\n`);
  process.stdout.write(`${r.features.length} features: ${r.features.map((f) => f.name).join(', ')}\n`);
  process.stdout.write(`${r.enabled ? 'ENABLED' : 'DISABLED'}: ${r.reason}\n`);
  process.stdout.write(modelId ? `stored as ${modelId} in ${dbFile} (${wallSeconds.toFixed(1)} s)\n` : `not stored (--no-save; ${wallSeconds.toFixed(1)} s)\n`);
}

export function register(program: Command, about: CommandAbout): void {
  program
    .command(about.name)
    .description(about.summary)
    .addOption(new Option('--model <kind>', 'model kind').choices([...MODEL_KINDS]).makeOptionMandatory())
    .option('--data <candles.json>', 'candle file, e.g. data/candles/BTC_USDT-1m-2021-02-19_week.json (without it, bars are built from --trades)')
    .option('--timeframe <bar>', "the bar length the data must have, e.g. 1m (default: the file's); without --data, the bars built from --trades (default 1s)")
    .option('--news <file.jsonl>', 'headlines for news_score, e.g. data/news/cryptopanic_btc_2022-05-11_2022-06-09.jsonl')
    .option('--books <file.txt[.gz]>', 'depth websocket recording for the order-book features, e.g. data/books/binance_usdm_btcusdt_depth_2024-08-08T2354Z_6min.txt.gz')
    .option('--trades <file.csv[.gz]>', 'trades with the taker side for taker flow and CVD, e.g. data/trades/binance_spot_btcusdt_trades_2024-08-08T2354Z_11min.csv')
    .option('--open-interest <file.csv>', 'daily open interest, e.g. data/futures/btc_open_interest_usd_daily_2019-03-30_2024-11-20.csv')
    .option('--walk-forward', 'evaluate walk-forward before storing (always done: the only evaluation there is)')
    .option('--train-bars <n>', 'training samples per fold', whole, DEFAULT_WINDOWS.trainBars)
    .option('--test-bars <n>', 'test samples per fold, and the step between folds', whole, DEFAULT_WINDOWS.testBars)
    .option('--window <n>', "bars per input window (default: the kind's)", number)
    .option('--hidden <n>', "hidden units, or the Transformer's width (default: the kind's)", number)
    .option('--epochs <n>', "passes over the training samples (default: the kind's)", number)
    .option('--learning-rate <x>', "step size (default: the kind's)", number)
    .option('--heads <n>', 'attention heads (transformer only; must divide --hidden)', number)
    .option('--layers <n>', 'stacked recurrent layers or encoder blocks', number)
    .option('--seed <n>', 'seed of the initial weights', number)
    .option('--no-calibrate', "use the net's raw P(up): no Platt scaling fitted on the last fifth of each training window")
    .option('--fee <rate>', 'taker fee per entry and exit of the long/flat P&L (default: config paper.localExchanges.fee, 0.001)', number)
    .option('--config <file>', 'YAML config file (for storage.dbFile and the fee)')
    .option('--db <file>', 'SQLite file the model is stored in (default: storage.dbFile from config, arbiter.db)')
    .option('--no-save', 'evaluate only; store nothing')
    .option('--report <file.html>', 'write a self-contained HTML report: accuracy per fold, calibration, equity against the baselines')
    .option('--no-progress', 'no progress bar on a terminal')
    .option('--json', 'print one JSON object as the last line')
    .action(async (opts: TrainOpts) => {
      try {
        await execute(opts);
      } catch (err) {
        if (err instanceof ArbiterError) {
          process.stderr.write(`arbiter train: ${err.message}\n`);
          process.exit(2);
        }
        throw err;
      }
    });
}
