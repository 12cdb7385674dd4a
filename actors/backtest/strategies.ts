import type { AnyStateMachine } from 'xstate';
import { InputError } from '../runtime/errors.js';
import { smaCrossMachine, type SmaCrossInput } from '../../machines/sma-cross.machine.js';
import { validateParams } from '../strategies/sma-cross/signal.js';
import { marketMakerMachine, type MarketMakerInput } from '../../machines/market-maker.machine.js';
import { defaultConfig } from '../../config/index.js';

/** What the backtest needs to host one strategy instance on one symbol. */
export interface StrategyFactoryArgs {
  name: string;
  venue: string;
  symbol: string;
  capital: number;
  feeRate: number;
  params: Record<string, unknown>;
}

/** `requiresExecution`: the strategy rests limit orders and cancels them, which only the execution actor handles (host `trading`). */
export type StrategyFactory = (args: StrategyFactoryArgs) => { machine: AnyStateMachine; input: unknown; requiresExecution?: boolean };

function numParam(params: Record<string, unknown>, key: string, fallback: number): number {
  const v = params[key] ?? fallback;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new InputError(`strategy parameter ${key} must be a number ≥ 0, got ${JSON.stringify(v)}`);
  return n;
}

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
  /** The spec's market maker (machines/market-maker.machine.ts); defaults from config, amounts in base currency. */
  'market-making': ({ name, venue, symbol, params }) => {
    const mm = defaultConfig().strategies.marketMaking;
    const input: MarketMakerInput = {
      strategy: name,
      venue,
      symbol,
      window: intParam(params, 'window', mm.volatilityWindow),
      params: {
        baseSpread: numParam(params, 'baseSpread', mm.baseSpread),
        referenceVolatility: numParam(params, 'referenceVolatility', mm.referenceVolatility),
        inventoryLimit: numParam(params, 'inventoryLimit', mm.inventoryLimit),
        skew: numParam(params, 'skew', mm.skew),
        orderAmount: numParam(params, 'orderAmount', mm.orderAmount),
      },
    };
    return { machine: marketMakerMachine, input, requiresExecution: true };
  },
};

export function strategyFactory(kind: string): StrategyFactory {
  const f = backtestStrategies[kind];
  if (!f) throw new InputError(`unknown strategy "${kind}"; backtestable strategies: ${Object.keys(backtestStrategies).join(', ')}`);
  return f;
}
