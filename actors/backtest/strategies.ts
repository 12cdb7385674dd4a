import type { AnyStateMachine } from 'xstate';
import type { z } from 'zod';
import { DEFAULT_RISK_LIMITS } from '../risk/limits.js';
import { catalogue, declarationOf } from '../strategies/catalogue/catalogue.js';
import type { StrategyDeclaration } from '../strategies/catalogue/strategy-declaration.js';
import type { EffectHandler } from '../runtime/actor-spec.js';
import { parseStrategyParams, type ParamSource } from './strategy-params.js';

/** What the backtest needs to host one strategy instance on one symbol. */
export interface StrategyFactoryArgs {
  name: string;
  venue: string;
  symbol: string;
  /** Every market of a multi-market strategy, `symbol` first. */
  symbols?: readonly string[];
  capital: number;
  feeRate: number;
  /** Validated against the strategy's params schema; missing keys take its defaults. */
  params: Record<string, unknown>;
  /** What the declaration's `prepare` loaded (plan.ts prepareInstances), e.g. a trained model. */
  prepared?: unknown;
  /** The run hosts a pattern actor for the symbol of a strategy that reads one (default true; false: `--no-patterns`, the direct host). */
  patterns?: boolean;
}

/** `requiresExecution`: the strategy rests limit orders and cancels them, which only the execution actor handles (host `trading`). */
export interface HostedStrategy {
  machine: AnyStateMachine;
  input: unknown;
  requiresExecution?: boolean;
  /** It reads `pattern.detected` / `pattern.invalidated`, and the run promised it a pattern actor on its symbol. */
  patterns?: boolean;
  /** I/O its machine asks for, which its actor's host runs. */
  effects?: Record<string, EffectHandler>;
}

export type StrategyFactory = (args: StrategyFactoryArgs) => HostedStrategy;

/** A backtestable strategy: the schema of its parameters and how to host it once they are valid. */
export interface BacktestStrategyEntry {
  params: z.ZodType<Record<string, unknown>>;
  build(args: Omit<StrategyFactoryArgs, 'params'>, params: Record<string, unknown>): HostedStrategy;
}

/** The backtest hosts a catalogue entry's machine with the input its declaration builds, on the backtest's one venue. */
function entry(d: StrategyDeclaration): BacktestStrategyEntry {
  return {
    params: d.params,
    build({ name, venue, symbol, symbols, capital, feeRate, prepared, patterns }, params) {
      const limits = { maxPositionFraction: DEFAULT_RISK_LIMITS.maxPositionFraction, minExpectedProfit: DEFAULT_RISK_LIMITS.minExpectedProfit };
      const withPatterns = (patterns ?? true) && d.subscribes.includes('pattern.detected');
      const { machine, input, effects } = d.actor({ name, venue, symbol, symbols, capital, limits, fees: { [venue]: feeRate }, patterns: withPatterns }, params, prepared);
      return { machine, input, requiresExecution: d.restsOrders, patterns: withPatterns, effects };
    },
  };
}

/** Every catalogue strategy that runs in backtests, by name. */
export const backtestStrategies: Record<string, BacktestStrategyEntry> = Object.fromEntries(catalogue.filter((d) => d.runs.includes('backtest')).map((d) => [d.name, entry(d)]));

export function strategyEntry(kind: string): BacktestStrategyEntry {
  return backtestStrategies[declarationOf(kind, 'backtest').name]!;
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
