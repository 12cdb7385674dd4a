import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { ArbiterError, InputError } from '../../actors/runtime/errors.js';
import { buildStrategies, prepareInstances, readAllocationFile, resolveWeights, singleStrategyPlan, type PlannedInstance } from '../../actors/backtest/plan.js';
import { runBacktest, type BacktestStrategy } from '../../actors/backtest/run-backtest.js';
import { outcomeOf, resultJson } from '../../actors/backtest/outcome.js';
import { strategyPnl } from '../../actors/backtest/summarize.js';
import { choiceLines } from '../../actors/strategies/quantum-portfolio/choice-lines.js';
import { RISK_PROFILES, type RiskProfile } from '../../actors/backtest/risk-profiles.js';
import { backtestStrategies } from '../../actors/backtest/strategies.js';
import { paramNames } from '../../actors/backtest/strategy-params.js';
import { smaCrossParams } from '../../actors/strategies/sma-cross/params.js';
import { checkOutputFile } from '../output-file.js';
import { describeGap } from '../../actors/market-data/candles/gaps.js';
import { FILL_MODEL_NAMES, fillModel, parseFillModelName, type FillModel } from '../../actors/venues/replay/fill-model.js';
import { fillSensitivity, type SensitivityRow } from '../../actors/venues/replay/sensitivity.js';
import { renderReport } from '../../actors/ledger/report/render-report.js';
import { parseTargetBand, type DailyTargetBand } from '../../actors/ledger/report/daily-pnl.js';
import { defaultConfig } from '../../config/index.js';
import type { CommandAbout } from './index.js';
import { describeRanking, RANK_METRIC_NAMES, type RankMetric } from '../../actors/backtest/sweep/rank.js';
import { executeSweep } from './backtest-sweep.js';
import type { CandleSeries } from '../../actors/market-data/candles/load-candles.js';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { catalogue, declarationOf } from '../../actors/strategies/catalogue/catalogue.js';
import { executeLpBacktest, LP_DEFAULT_CAPITAL } from './backtest-lp.js';

interface BacktestOpts {
  strategy?: string;
  events?: string[];
  gasPriceGwei: number;
  data?: string[];
  allocation?: string;
  fast?: string;
  slow?: string;
  model?: string;
  db: string;
  allowDisabled?: boolean;
  param: string[];
  fee: number;
  capital: number;
  fillModel: string;
  host: 'trading' | 'actors' | 'direct';
  /** false with --no-patterns. */
  patterns: boolean;
  risk: RiskProfile;
  periodsPerYear?: number;
  riskFree: number;
  sensitivity?: boolean;
  report?: string;
  dailyTarget: DailyTargetBand[];
  progress: boolean;
  json?: boolean;
  sweep?: string[];
  workers?: number;
  rank: RankMetric;
  fromDb?: boolean;
  venue?: string;
  symbol?: string[];
  timeframe?: string;
  from?: string;
  to?: string;
  config?: string;
}

const DB_FLAGS = ['venue', 'symbol', 'timeframe', 'from', 'to', 'config'] as const;

const nonNegative = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`expected a number ≥ 0, got "${v}"`);
  return n;
};
const positive = (v: string) => {
  const n = nonNegative(v);
  if (n === 0) throw new InvalidArgumentError(`expected a number > 0, got "${v}"`);
  return n;
};
const band = (v: string, prev: DailyTargetBand[] = []) => {
  try {
    return [...prev, parseTargetBand(v)];
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
};
const collect = (v: string, prev: string[] = []) => [...prev, ...v.split(',').filter(Boolean)];
const wholePositive = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number ≥ 1, got "${v}"`);
  return n;
};

const SMA_DEFAULTS = smaCrossParams.parse({});

/** Each strategy's parameter names, for --help, from the schemas the values are checked against. */
function paramKeys(): string {
  return Object.entries(backtestStrategies)
    .map(([name, e]) => `${name}: ${paramNames(e.params).join(', ')}`)
    .join('; ');
}

/** `--fast`/`--slow` (sma-cross's own flags), `--model` (ai's) and every `--param key=value`, as typed; each key given once. */
function commandLineParams(opts: BacktestOpts): { raw: Record<string, string>; label: (key: string) => string } {
  const raw = new Map<string, string>();
  const flags = new Set<string>();
  for (const key of ['fast', 'slow', 'model'] as const) {
    const value = opts[key];
    if (value === undefined) continue;
    raw.set(key, value);
    flags.add(key);
  }
  for (const p of opts.param) {
    const key = p.slice(0, p.indexOf('='));
    if (raw.has(key)) throw new InputError(`--param ${key}: given twice${flags.has(key) ? ` (also as --${key})` : ''}`);
    raw.set(key, p.slice(p.indexOf('=') + 1));
  }
  return { raw: Object.fromEntries(raw), label: (key) => (flags.has(key) ? `--${key}` : `--param ${key}`) };
}

function plan(opts: BacktestOpts): { instances: PlannedInstance[]; capital: number; venue: string } {
  if (opts.allocation) {
    const file = readAllocationFile(opts.allocation);
    return { instances: resolveWeights(file, opts.allocation), capital: file.capital, venue: file.venue };
  }
  if (!opts.strategy) throw new InputError('--strategy <name> is required (or --allocation <file>)');
  if (!opts.data?.length) throw new InputError('--data <candles file> is required (or --from-db, or --allocation <file>)');
  const { raw, label } = commandLineParams(opts);
  return { instances: singleStrategyPlan(opts.strategy, opts.data, raw, { label, fromStrings: true }), capital: opts.capital, venue: 'replay' };
}

async function execute(opts: BacktestOpts, command: Command): Promise<void> {
  if (opts.strategy && declarationOf(opts.strategy, 'backtest').needs.includes('swaps')) {
    const { raw, label } = commandLineParams(opts);
    return executeLpBacktest({ ...opts, strategy: opts.strategy }, command, raw, label);
  }
  if (command.getOptionValueSource('events') === 'cli' || command.getOptionValueSource('gasPriceGwei') === 'cli') throw new InputError(`--events and --gas-price-gwei are for a strategy on recorded swaps (${catalogue.filter((d) => d.needs.includes('swaps')).map((d) => d.name).join(', ')})`);
  if (opts.sweep) return executeSweep({ ...opts, sweep: opts.sweep }, commandLineParams(opts));
  for (const flag of ['workers', 'rank'] as const) if (command.getOptionValueSource(flag) === 'cli') throw new InputError(`--${flag} needs --sweep`);
  if (!opts.fromDb) for (const flag of DB_FLAGS) if (command.getOptionValueSource(flag) === 'cli') throw new InputError(`--${flag} needs --from-db`);
  if (opts.report) checkOutputFile(opts.report, '--report');
  const model = fillModel(parseFillModelName(opts.fillModel), opts.fee);
  let load: (file: string) => CandleSeries = loadCandles;
  if (opts.fromDb) {
    // Loaded here, not at the top: a backtest of files never loads pg or the config.
    const { seriesFromDb } = await import('../history-source.js');
    const fromDb = new Map((await seriesFromDb(opts)).map((s) => [s.file, s]));
    opts.data = [...fromDb.keys()];
    load = (label) => fromDb.get(label)!;
  }
  const planned = plan(opts);
  const { capital, venue } = planned;
  const warned = new Set<string>();
  const instances = await prepareInstances(planned.instances, {
    dbFile: opts.db,
    allowDisabledModels: opts.allowDisabled === true,
    warn: (message) => {
      if (!warned.has(message)) process.stderr.write(`warning: ${message} (--allow-disabled)\n`);
      warned.add(message);
    },
  }, load);
  const { strategies, series } = buildStrategies(instances, capital, venue, opts.fee, load, opts.patterns && opts.host !== 'direct');
  for (const s of series) for (const g of s.gaps) process.stderr.write(`gap in ${s.file}: ${describeGap(g)} (not filled)\n`);

  const showBar = opts.progress && process.stderr.isTTY === true;
  const run = async (m: FillModel, label: string) => {
    const bar = showBar ? new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} steps | eta {eta}s`, stream: process.stderr }, Presets.shades_classic) : undefined;
    let started = false;
    const result = await runBacktest({
      strategies: strategies.map((s): BacktestStrategy => ({ ...s })),
      model: m,
      venueId: venue,
      host: opts.host,
      riskLimits: RISK_PROFILES[opts.risk],
      periodsPerYear: opts.periodsPerYear,
      riskFree: opts.riskFree,
      onProgress: bar
        ? (done, total) => {
            if (!started) bar.start(total, 0);
            started = true;
            bar.update(done);
          }
        : undefined,
    });
    bar?.stop();
    return result;
  };

  const t0 = performance.now();
  const result = await run(model, `backtest (${model.name} fills)`);
  const wallSeconds = (performance.now() - t0) / 1000;

  let sensitivity: SensitivityRow[] | undefined;
  if (opts.sensitivity || opts.report) {
    sensitivity = await fillSensitivity(opts.fee, async (m) => outcomeOf(m.name === model.name ? result : await run(m, `sensitivity (${m.name})`)));
  }
  if (opts.report) {
    const dailyLossLimit = defaultConfig().risk.maxDailyLossFraction;
    writeFileSync(opts.report, renderReport({ result, sensitivity: sensitivity ?? [], dailyTargets: opts.dailyTarget, dailyLossLimit, title: `Backtest: ${instances.map((i) => `${i.strategy} on ${opts.fromDb ? i.data : i.data.split('/').pop()}`).join(', ')}` }));
    process.stderr.write(`report written to ${opts.report}\n`);
  }
  const json = resultJson(result, wallSeconds, sensitivity ? { sensitivity } : {});
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(json)}\n`);
    return;
  }
  const m = result.combined.metrics;
  process.stdout.write(`${result.bars} bars, ${result.trades.length} trades, ${result.open.length} open position(s), ${model.name} fills, ${wallSeconds.toFixed(2)} s\n`);
  for (const k of ['totalReturn', 'cagr', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'winRate', 'profitFactor', 'exposure', 'turnover'] as const) process.stdout.write(`  ${k.padEnd(14)} ${m[k]}\n`);
  for (const row of sensitivity ?? []) process.stdout.write(`  fills ${row.model.padEnd(12)} pnl ${row.pnl.toFixed(4)}  return ${(row.totalReturn * 100).toFixed(2)}%\n`);
  for (const s of result.strategies) if (s.choices) process.stdout.write(`${choiceLines(s.choices, strategyPnl(s)).join('\n')}\n`);
}

export function register(program: Command, about: CommandAbout): void {
  program
    .command(about.name)
    .description(about.summary)
    .option('--strategy <name>', `strategy to run (${Object.keys(backtestStrategies).join(', ')})`)
    .option('--events <csv>', 'amm-lp: recorded Uniswap V3 pool days (data/dex/*_events.csv), one per fee tier; comma-separated or repeated', collect)
    .option('--gas-price-gwei <gwei>', 'amm-lp: gas price of each mint and burn (not recorded in the data)', positive, 20)
    .option('--data <files>', 'candle file(s), array or object format; comma-separated or repeated (capital split equally; a multi-market strategy, quantum-portfolio, trades them all as one instance)', collect)
    .addOption(new Option('--allocation <file>', 'YAML/JSON: capital and strategy instances with weights and params (instead of --strategy, --data, --capital and parameters)').conflicts(['strategy', 'data', 'fast', 'slow', 'model', 'param', 'capital']))
    .addOption(new Option('--from-db', 'replay bars from the market-data tables of storage.postgres (recorded by a node, or filled by `arbiter history import`) instead of --data files: needs --venue, --symbol, --timeframe').conflicts(['data', 'allocation', 'sweep']))
    .option('--venue <id>', 'with --from-db: the venue the bars were recorded under')
    .option('--symbol <symbol>', 'with --from-db: the market, e.g. ADA/BTC; comma-separated or repeated for several (capital split equally, as with several --data files)', collect)
    .option('--timeframe <tf>', 'with --from-db: the bar length, e.g. 1m, 5m, 1h; recorded candles of that length, else bars of that length built from recorded trades')
    .option('--from <iso>', 'with --from-db: first bar open time to replay (inclusive), e.g. 2018-01-15 or 2018-01-15T12:00:00Z; default the first recorded')
    .option('--to <iso>', 'with --from-db: replay bars opening before this time (exclusive); default through the last recorded')
    .option('--config <file>', 'with --from-db: YAML config file (storage.postgres.url and .schema); without it, defaults plus ARBITER_* environment overrides')
    .option('--fast <n>', `sma-cross: fast SMA length, same as --param fast=<n> (default: ${SMA_DEFAULTS.fast})`)
    .option('--slow <n>', `sma-cross: slow SMA length, same as --param slow=<n> (default: ${SMA_DEFAULTS.slow})`)
    .option('--model <id>', 'ai: the stored model it trades (arbiter models), same as --param model=<id> (default: best, the enabled one with the largest edge)')
    .option('--db <file>', 'journal the ai strategy reads trained models from', defaultConfig().storage.dbFile)
    .option('--allow-disabled', 'ai: trade a model its walk-forward evaluation disabled (a warning says so); without it such a model is refused, exit 2')
    .option('--param <key=value>', `strategy parameter, repeatable; unknown keys are refused. ${paramKeys()}`, (v: string, prev: string[] = []) => {
      if (!/^[A-Za-z]\w*=.+$/.test(v)) throw new InvalidArgumentError(`expected key=value, got "${v}"`);
      return [...prev, v];
    }, [])
    .option('--fee <rate>', 'taker fee as a rate on notional', nonNegative, 0.001)
    .option('--capital <amount>', `starting capital in quote currency (1 BTC on BTC pairs keeps orders a few % of bar volume; amm-lp: dollars, default ${LP_DEFAULT_CAPITAL.toLocaleString('en-US')})`, positive, 1)
    .addOption(new Option('--fill-model <name>', 'fill assumptions; optimistic = next open, fee only (the reference)').choices([...FILL_MODEL_NAMES]).default('optimistic'))
    .addOption(new Option('--host <kind>', 'trading: the paper/live actor tree (risk, ledger, execution, venue actor, strategies); actors: strategies + risk + a venue gateway; direct: machines only, no risk').choices(['trading', 'actors', 'direct']).default('trading'))
    .option('--no-patterns', 'no pattern actor (the direct host never runs one): ai then enters without a pattern, pattern-reversal refuses to run')
    .addOption(new Option('--risk <profile>', 'risk limits: loose (judges, never resizes the reference) or spec (the spec defaults)').choices(Object.keys(RISK_PROFILES)).default('loose'))
    .option('--periods-per-year <n>', 'for annualizing; inferred from the bar length if omitted', positive)
    .option('--risk-free <rate>', 'annual risk-free rate', nonNegative, 0)
    .option('--sensitivity', 'also run optimistic/default/pessimistic fills and report P&L under each')
    .option('--report <file.html>', 'write a self-contained HTML report (implies --sensitivity; amm-lp: the day\'s price, the ranges and the P&L curves)')
    .option('--daily-target <label:low:high>', 'daily return band drawn in the report as a target (repeatable), e.g. spec:0.001:0.005', band, [])
    .option('--no-progress', 'no progress bar on a terminal')
    .option('--json', 'print one JSON object as the last line')
    .addOption(
      new Option('--sweep <key=range>', 'run a parameter grid on worker threads, repeatable: key=start:stop:step (stop included when on the grid) or key=a,b,c; combinations the strategy rejects (sma-cross: fast ≥ slow) are skipped')
        .argParser((v: string, prev: string[] = []) => [...prev, v])
        .conflicts(['allocation', 'report', 'sensitivity', 'dailyTarget', 'allowDisabled']),
    )
    .option('--workers <n>', 'with --sweep: worker threads (default: the available cores, at most one per run)', wholePositive)
    .addOption(new Option('--rank <metric>', `with --sweep: the metric that picks the best run; ${RANK_METRIC_NAMES.map(describeRanking).join(', ')}`).choices(RANK_METRIC_NAMES).default('sharpe'))
    .action(async (opts: BacktestOpts, command: Command) => {
      try {
        await execute(opts, command);
      } catch (err) {
        if (err instanceof ArbiterError) {
          process.stderr.write(`arbiter backtest: ${err.message}\n`);
          process.exit(2);
        }
        throw err;
      }
    });
}
