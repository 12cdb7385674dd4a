import type { ActorSpec } from '../runtime/actor-spec.js';
import { createPatternMachine, type PatternInput } from './pattern.machine.js';

/**
 * The pattern actor of one market, `patterns:<symbol>`: it takes the market's closed bars and publishes
 * `pattern.detected`, `pattern.invalidated` and `market.toxicity`. Not persisted: its detectors are rebuilt from the
 * bars that arrive after a restart. `feed` is the message its host broadcasts bars in: `candle.closed` (sessions,
 * one per bar) or `candles.closed` (the replay's trading host, one per step, which also sends each strategy its
 * `candle.closed` by name: subscribing to both would hand the actor every bar twice).
 */
export function patternActor(input: PatternInput, feed: 'candle.closed' | 'candles.closed' = 'candle.closed'): ActorSpec {
  return {
    name: `patterns:${input.symbol}`,
    machine: createPatternMachine(`patterns:${input.symbol}`),
    input,
    subscribe: [feed],
    persist: false,
  };
}
