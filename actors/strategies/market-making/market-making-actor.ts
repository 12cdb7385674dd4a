import { marketMakerMachine, type MarketMakerInput } from '../../../machines/market-maker.machine.js';
import type { ActorSpec } from '../../runtime/actor-spec.js';

/** Quotes one market. Its orders, fills and vetoes come addressed to `strategy:<name>`. */
export function marketMakingActor(input: MarketMakerInput): ActorSpec {
  return {
    name: `strategy:${input.strategy}`,
    machine: marketMakerMachine,
    input,
    subscribe: ['candle.closed', 'risk.changed'],
  };
}
