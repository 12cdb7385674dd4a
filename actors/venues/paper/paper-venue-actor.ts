import { paperVenueMachine } from '../../../machines/paper-venue.machine.js';
import type { ActorSpec, EffectContext } from '../../runtime/actor-spec.js';
import type { Candle, OrderBook } from '../../market-data/types.js';
import type { VenueFill } from '../../../machines/order.machine.js';
import type { PaperVenue } from './paper-venue.js';

/**
 * Hosts a paper venue: each recorded bar or book is matched against resting orders before strategies
 * see it, and the fills go to execution.
 */
export function paperVenueActor(venue: PaperVenue): ActorSpec {
  const sendFills = (fills: VenueFill[], publish: EffectContext['publish']) => {
    for (const fill of fills) publish({ type: 'venue.fill', clientOrderId: fill.clientOrderId, fill, to: 'execution' });
  };
  return {
    name: `venue:${venue.id}`,
    machine: paperVenueMachine,
    input: { venue: venue.id },
    subscribe: ['book.updated'],
    effects: {
      'paper.matchBar': (event, ctx) => sendFills(venue.onCandle(String(event.symbol), event.candle as Candle), ctx.publish),
      'paper.matchBook': (event, ctx) => sendFills(venue.onBook(event.book as OrderBook), ctx.publish),
    },
  };
}
