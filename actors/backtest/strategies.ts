import type { AnyStateMachine } from 'xstate';
import { InputError } from '../runtime/errors.js';
import { smaCrossMachine, type SmaCrossInput } from '../../machines/sma-cross.machine.js';
import { validateParams } from '../strategies/sma-cross/signal.js';

/** What the backtest needs to host one strategy instance on one symbol. */
export interface StrategyFactoryArgs {
  name: string;
  venue: string;
  symbol: string;
  capital: number;
  feeRate: number;
  params: Record<string, unknown>;
}

export type StrategyFactory = (args: StrategyFactoryArgs) => { machine: AnyStateMachine; input: unknown };

function intParam(params: Record<string, unknown>, key: string, fallback: number): number {
  const v = params[key] ?? fallback;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new InputError(`strategy parameter ${key} must be a positive integer, got ${JSON.stringify(v)}`);
  return n;
}

/** Every strategy the backtest can run, by name. A new strategy registers a factory here. */
export const backtestStrategies: Record<string, StrategyFactory> = {
  'sma-cross': ({ name, venue, symbol, capital, feeRate, params }) => {
    const fast = intParam(params, 'fast', 10);
    const slow = intParam(params, 'slow', 30);
    const issues = validateParams({ fast, slow });
    if (issues.length > 0) throw new InputError('bad sma-cross parameters', issues);
    const fraction = Number(params.fraction ?? 1);
    if (!(fraction > 0 && fraction <= 1)) throw new InputError(`strategy parameter fraction must be in (0, 1], got ${params.fraction}`);
    const input: SmaCrossInput = { strategy: name, venue, symbol, capital, feeRate, fraction, fast, slow };
    return { machine: smaCrossMachine, input };
  },
};

export function strategyFactory(kind: string): StrategyFactory {
  const f = backtestStrategies[kind];
  if (!f) throw new InputError(`unknown strategy "${kind}"; backtestable strategies: ${Object.keys(backtestStrategies).join(', ')}`);
  return f;
}
