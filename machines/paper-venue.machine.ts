import { enqueueActions, setup } from 'xstate';
import type { Message } from '../actors/runtime/messages.js';
import type { Outgoing } from '../actors/runtime/actor-spec.js';
import type { Candle, OrderBook } from '../actors/market-data/types.js';

export interface PaperVenueInput {
  venue: string;
}

export type PaperVenueEmitted =
  | Outgoing
  | { type: 'paper.matchBar'; symbol: string; candle: Candle }
  | { type: 'paper.matchBook'; book: OrderBook };

/** A paper venue's lifecycle: always live; each recorded bar or book is matched against resting orders by the host. */
export const paperVenueMachine = setup({
  types: { context: {} as PaperVenueInput & { bars: number }, events: {} as Message, input: {} as PaperVenueInput, emitted: {} as PaperVenueEmitted },
  actions: {
    match: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'replay.bar' && event.venue === context.venue) {
        enqueue.assign({ bars: context.bars + 1 });
        enqueue.emit({ type: 'paper.matchBar', symbol: event.symbol, candle: event.candle });
      }
      if (event.type === 'book.updated' && event.book.venue === context.venue) {
        enqueue.emit({ type: 'paper.matchBook', book: event.book });
      }
    }),
  },
}).createMachine({
  id: 'paper-venue',
  context: ({ input }) => ({ ...input, bars: 0 }),
  initial: 'live',
  states: { live: { on: { 'replay.bar': { actions: 'match' }, 'book.updated': { actions: 'match' } } } },
});
