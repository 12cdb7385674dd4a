import { paperVenueMachine } from '../../../machines/paper-venue.machine.js';
import type { ActorSpec } from '../../runtime/actor-spec.js';
import type { Candle } from '../../market-data/types.js';
import type { ReplayVenue } from './replay-venue.js';

/**
 * Hosts a replay venue like the paper venue actor: each `replay.bar` addressed to it is matched against
 * resting orders (the fill model decides) before strategies see the bar; fills and end-of-life
 * cancellations (partial fills past the model's bar limit) go to execution as venue events.
 */
export function replayVenueActor(venue: ReplayVenue, timeframeMs: number): ActorSpec {
  return {
    name: `venue:${venue.id}`,
    machine: paperVenueMachine,
    input: { venue: venue.id },
    persist: false,
    effects: {
      'paper.matchBar': (event, ctx) => {
        for (const ev of venue.openBar(String(event.symbol), event.candle as Candle, timeframeMs)) {
          const clientOrderId = ev.order.clientOrderId;
          if (ev.fill) ctx.publish({ type: 'venue.fill', clientOrderId, fill: ev.fill, to: 'execution' });
          if (ev.order.status === 'canceled') ctx.publish({ type: 'venue.cancelled', clientOrderId, order: ev.order, to: 'execution' });
        }
      },
    },
  };
}
