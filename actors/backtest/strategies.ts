import type { AnyStateMachine } from 'xstate';
import type { z } from 'zod';
import { InputError } from '../runtime/errors.js';
import { smaCrossMachine, type SmaCrossInput } from '../../machines/sma-cross.machine.js';
import { smaCrossParams } from '../strategies/sma-cross/params.js';
import { marketMakerMachine, type MarketMakerInput } from '../../machines/market-maker.machine.js';
import { marketMakingParams } from '../strategies/market-making/params.js';
import { parseStrategyParams, type ParamSource } from './strategy-params.js';

/** What the backtest needs to host one strategy instance on one symbol. */
export interface StrategyFactoryArgs {
  name: string;
  venue: string;
  symbol: string;
  capital: number;
  feeRate: number;
  /** Validated against the strategy's params schema; missing keys take its defaults. */
  params: Record<string, unknown>;
}

/** `requiresExecution`: the strategy rests limit orders and cancels them, which only the execution actor handles (host `trading`). */
export interface HostedStrategy {
  machine: AnyStateMachine;
  input: unknown;
  requiresExecution?: boolean;
}

export type StrategyFactory = (args: StrategyFactoryArgs) => HostedStrategy;

/** A backtestable strategy: the schema of its parameters and how to host it once they are valid. */
export interface BacktestStrategyEntry {
  params: z.ZodType<Record<string, unknown>>;
  build(args: Omit<StrategyFactoryArgs, 'params'>, params: Record<string, unknown>): HostedStrategy;
}

function entry<S extends z.ZodType<Record<string, unknown>>>(params: S, build: (args: Omit<StrategyFactoryArgs, 'params'>, params: z.output<S>) => HostedStrategy): BacktestStrategyEntry {
  return { params, build: (args, p) => build(args, p as z.output<S>) };
}

/** Every strategy the backtest can run, by name. A new strategy registers its params schema and machine here. */
export const backtestStrategies: Record<string, BacktestStrategyEntry> = {
  'sma-cross': entry(smaCrossParams, ({ name, venue, symbol, capital, feeRate }, p) => {
    const input: SmaCrossInput = { strategy: name, venue, symbol, capital, feeRate, fraction: p.fraction, fast: p.fast, slow: p.slow };
    return { machine: smaCrossMachine, input };
  }),
  /** The spec's market maker (machines/market-maker.machine.ts); defaults as in the config, amounts in base currency. */
  'market-making': entry(marketMakingParams, ({ name, venue, symbol }, p) => {
    const { volatilityWindow, ...params } = p;
    const input: MarketMakerInput = { strategy: name, venue, symbol, window: volatilityWindow, params };
    return { machine: marketMakerMachine, input, requiresExecution: true };
  }),
};

export function strategyEntry(kind: string): BacktestStrategyEntry {
  const e = Object.hasOwn(backtestStrategies, kind) ? backtestStrategies[kind] : undefined;
  if (!e) throw new InputError(`unknown strategy "${kind}"; backtestable strategies: ${Object.keys(backtestStrategies).join(', ')}`);
  return e;
}

/** Validates `raw` with the strategy's schema, naming each bad key as `source` labels it. */
export function strategyParams(kind: string, raw: Readonly<Record<string, unknown>>, source: ParamSource): Record<string, unknown> {
  return parseStrategyParams(kind, strategyEntry(kind).params, raw, source);
}

/** Validates `params` (labelled `params.<key>`) and builds the strategy. */
export function strategyFactory(kind: string): StrategyFactory {
  const e = strategyEntry(kind);
  return ({ params, ...args }) => e.build(args, parseStrategyParams(kind, e.params, params, { label: (key) => `params.${key}` }));
}
