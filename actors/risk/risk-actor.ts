import { riskMachine, type RiskInput } from '../../machines/risk.machine.js';
import type { ActorSpec } from '../runtime/actor-spec.js';

/** The one actor that can approve an order. Everything that moves risk flows in here. */
export function riskActor(input: RiskInput): ActorSpec {
  return {
    name: 'risk',
    machine: riskMachine,
    input,
    subscribe: ['order.intents', 'orders.updated', 'book.updated', 'candle.closed', 'candles.closed', 'order.unplaced', 'risk.halt', 'risk.rearm', 'market.stale', 'market.live', 'market.toxicity', 'arb.outcome'],
  };
}
