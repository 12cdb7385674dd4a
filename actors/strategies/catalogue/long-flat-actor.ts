import type { AnyStateMachine } from 'xstate';
import type { ActorSpec } from '../../runtime/actor-spec.js';
import type { LongFlatInput } from '../../../machines/long-flat.machine.js';
import type { Json } from '../../../machines/long-flat.signal.js';
import type { StrategyHost } from './strategy-declaration.js';

/** The actor of a long/flat candle strategy (machines/long-flat.machine.ts) on the host's one venue and market. */
export function longFlatActor<P extends Json>(host: StrategyHost, machine: AnyStateMachine, fraction: number, params: P): ActorSpec {
  const input: LongFlatInput<P> = { strategy: host.name, venue: host.venue, symbol: host.symbol, capital: host.capital, feeRate: host.fees[host.venue] ?? 0, fraction, params, ...(host.session ? { session: host.session } : {}) };
  return { name: `strategy:${host.name}`, machine, input, subscribe: ['candle.closed'] };
}
