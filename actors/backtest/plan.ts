import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { defaultConfig } from '../../config/index.js';
import { loadCandles, type CandleSeries } from '../market-data/candles/load-candles.js';
import { InputError } from '../runtime/errors.js';
import type { BacktestStrategy } from './run-backtest.js';
import { strategyEntry, strategyFactory, strategyParams } from './strategies.js';
import type { ParamSource } from './strategy-params.js';
import { declarationOf } from '../strategies/catalogue/catalogue.js';
import { prepareStrategy, type StrategyContext } from '../strategies/catalogue/strategy-declaration.js';

/**
 * Allocation file: capital split across strategy instances. A weight may be given directly, or taken
 * from the config's allocation defaults (the spec's) by `family`; instances without either share what is left equally.
 */
const allocationFile = z.strictObject({
  capital: z.number().positive(),
  venue: z.string().default('replay'),
  strategies: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore'),
        strategy: z.string(),
        data: z.string().describe('a candle file; for a multi-market strategy, its files separated by commas'),
        weight: z.number().positive().max(1).optional(),
        family: z.enum(['flash_loans', 'arbitrage', 'market_making', 'ai_trading', 'quantum_trading']).optional(),
        params: z.record(z.string(), z.unknown()).default({}),
      }),
    )
    .min(1),
});
export type AllocationFile = z.infer<typeof allocationFile>;

export interface PlannedInstance {
  name: string;
  strategy: string;
  data: string;
  weight: number;
  params: Record<string, unknown>;
  /** What the strategy's `prepare` loaded for it (prepareInstances), e.g. a trained model. */
  prepared?: unknown;
}

/**
 * Reads and validates an allocation file, each instance's params with its strategy's schema.
 * Issues name `<file>: strategies.<i>.<field>`, strategies counted from 0.
 */
export function readAllocationFile(file: string): AllocationFile {
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (cause) {
    throw new InputError(`${file}: cannot read allocation file`, [(cause as Error).message]);
  }
  const headline = `${file}: invalid allocation (strategies counted from 0)`;
  const parsed = allocationFile.safeParse(raw);
  if (!parsed.success) throw new InputError(headline, parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`));
  const issues: string[] = [];
  const strategies = parsed.data.strategies.map((s, i) => {
    const at = `${file}: strategies.${i}`;
    try {
      strategyEntry(s.strategy);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      issues.push(`${at}.strategy: ${err.message}`);
      return s;
    }
    try {
      return { ...s, params: strategyParams(s.strategy, s.params, { label: (key) => `${at}.params.${key}` }) };
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      issues.push(...err.issues);
      return s;
    }
  });
  if (issues.length > 0) throw new InputError(headline, issues);
  return { ...parsed.data, strategies };
}

/** Resolves weights: explicit, else the spec default of the family, else an equal share of the rest. Sum must be ≤ 1. */
export function resolveWeights(file: AllocationFile, source = 'allocation'): PlannedInstance[] {
  const defaults = defaultConfig().allocation as Record<string, number>;
  const fixed = file.strategies.map((s) => s.weight ?? (s.family ? defaults[s.family] : undefined));
  const used = fixed.reduce<number>((a, w) => a + (w ?? 0), 0);
  const free = fixed.filter((w) => w === undefined).length;
  if (used > 1 + 1e-9) throw new InputError(`${source}: strategy weights sum to ${used}, more than 1`);
  const share = free > 0 ? (1 - used) / free : 0;
  if (free > 0 && !(share > 0)) throw new InputError(`${source}: no capital left for ${free} strategies without a weight`);
  const names = new Set<string>();
  return file.strategies.map((s, i) => {
    if (names.has(s.name)) throw new InputError(`${source}: strategy name ${s.name} is used twice`);
    names.add(s.name);
    return { name: s.name, strategy: s.strategy, data: s.data, weight: fixed[i] ?? share, params: s.params };
  });
}

/**
 * Each instance with what its strategy's declaration prepares in `context` (a trained model from the journal); an
 * instance whose strategy cannot trade there is an InputError naming it and why. `load` reads an instance's data
 * (a --from-db run passes the series it read from PostgreSQL).
 */
export async function prepareInstances(instances: readonly PlannedInstance[], context: StrategyContext, load: (file: string) => CandleSeries = loadCandles): Promise<PlannedInstance[]> {
  const out: PlannedInstance[] = [];
  const timeframes = new Map<string, number>();
  for (const inst of instances) {
    const declaration = declarationOf(inst.strategy, 'backtest');
    let timeframeMs = timeframes.get(inst.data);
    if (declaration.prepare && timeframeMs === undefined) timeframes.set(inst.data, (timeframeMs = load(inst.data).timeframeMs));
    const ready = await prepareStrategy(declaration, inst.params, { ...context, timeframeMs });
    if ('unavailable' in ready) throw new InputError(`${inst.name} cannot trade: ${ready.unavailable}`);
    out.push({ ...inst, prepared: ready.prepared });
  }
  return out;
}

/**
 * Loads each data file once (with `load`: a sweep worker passes the series it already holds) and builds the strategy
 * instances with their capital. With `patterns`, a strategy that reads pattern messages is told a pattern actor runs
 * on its symbol (runBacktest then hosts one).
 */
export function buildStrategies(
  instances: readonly PlannedInstance[],
  capital: number,
  venue: string,
  feeRate: number,
  load: (file: string) => CandleSeries = loadCandles,
  patterns = true,
): { strategies: BacktestStrategy[]; series: CandleSeries[] } {
  const loaded = new Map<string, CandleSeries>();
  const once = (file: string) => {
    let series = loaded.get(file);
    if (!series) loaded.set(file, (series = load(file)));
    return series;
  };
  const strategies = instances.map((inst) => {
    const multi = declarationOf(inst.strategy, 'backtest').multiMarket === true;
    const markets = (multi ? dataFiles(inst.data) : [inst.data]).map(once);
    const series = markets[0]!;
    const cap = capital * inst.weight;
    const symbols = markets.map((m) => m.symbol);
    const built = strategyFactory(inst.strategy)({ name: inst.name, venue, symbol: series.symbol, symbols, capital: cap, feeRate, params: inst.params, prepared: inst.prepared, patterns });
    return { name: inst.name, series, ...(multi ? { markets } : {}), capital: cap, ...built };
  });
  return { strategies, series: [...loaded.values()] };
}

/**
 * One strategy over one or more data files (capital split equally), as `arbiter backtest --strategy x --data a,b` asks.
 * `params` are validated with the strategy's schema; `source` names them in messages.
 */
export function singleStrategyPlan(strategy: string, dataFiles: readonly string[], params: Record<string, unknown>, source: ParamSource = { label: (key) => `params.${key}` }): PlannedInstance[] {
  if (dataFiles.length === 0) throw new InputError('--data needs at least one candle file');
  const valid = strategyParams(strategy, params, source);
  if (declarationOf(strategy, 'backtest').multiMarket) return [{ name: strategy, strategy, data: dataFiles.join(','), weight: 1, params: valid }];
  return dataFiles.map((data) => ({
    name: dataFiles.length === 1 ? strategy : `${strategy}.${instanceSuffix(data)}`,
    strategy,
    data,
    weight: 1 / dataFiles.length,
    params: valid,
  }));
}

/** The files of a multi-market instance's `data`. */
export function dataFiles(data: string): string[] {
  return data.split(',').map((f) => f.trim()).filter((f) => f.length > 0);
}

function instanceSuffix(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.json$/i, '').replace(/[^A-Za-z0-9._-]/g, '_');
}
