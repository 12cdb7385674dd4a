import type { ActorSpec } from '../runtime/actor-spec.js';
import { createPatternMachine, type PatternInput } from './pattern.machine.js';

/**
 * The pattern actor of one market, `patterns:<symbol>`: it takes the market's closed bars and publishes
 * `pattern.detected`, `pattern.invalidated` and `market.toxicity`. Not persisted: its detectors are rebuilt from the
 * bars that arrive after a restart.
 */
export function patternActor(input: PatternInput): ActorSpec {
  return {
    name: `patterns:${input.symbol}`,
    machine: createPatternMachine(`patterns:${input.symbol}`),
    input,
    subscribe: ['candle.closed', 'candles.closed'],
    persist: false,
  };
}
