import { replayVenueMachine } from '../../../machines/replay-venue.machine.js';
import type { ActorSpec } from '../../runtime/actor-spec.js';
import type { SymbolBar } from '../../market-data/types.js';
import type { ReplayVenue } from './replay-venue.js';

/**
 * Hosts a replay venue: each `replay.bars` addressed to it (one replay step) is matched against resting orders
 * (the fill model decides) before strategies see the bars; fills and end-of-life cancellations (partial fills
 * past the model's bar limit) go to execution as venue events.
 */
export function replayVenueActor(venue: ReplayVenue, timeframeMs: number): ActorSpec {
  return {
    name: `venue:${venue.id}`,
    machine: replayVenueMachine,
    input: { venue: venue.id },
    persist: false,
    effects: {
      'replay.matchBars': (event, ctx) => {
        for (const { symbol, candle } of event.bars as readonly SymbolBar[]) {
          for (const ev of venue.openBar(symbol, candle, timeframeMs)) {
            const clientOrderId = ev.order.clientOrderId;
            if (ev.fill) ctx.publish({ type: 'venue.fill', clientOrderId, fill: ev.fill, to: 'execution' });
            if (ev.order.status === 'canceled') ctx.publish({ type: 'venue.cancelled', clientOrderId, order: ev.order, to: 'execution' });
          }
        }
      },
    },
  };
}
