import { enqueueActions, setup } from 'xstate';
import type { Message } from '../actors/runtime/messages.js';
import type { Outgoing } from '../actors/runtime/actor-spec.js';
import type { SymbolBar } from '../actors/market-data/types.js';

declare module '../actors/runtime/messages.js' {
  interface MessageMap {
    /** Replay driver → replay venue: these bars open now; match resting orders against them before anyone sees them. */
    'replay.bars': { venue: string; bars: readonly SymbolBar[] };
  }
}

export interface ReplayVenueInput {
  venue: string;
}

export type ReplayVenueEmitted = Outgoing | { type: 'replay.matchBars'; bars: readonly SymbolBar[] };

/** A replay venue's lifecycle: always live; each step's opening bars are matched against resting orders by the host. */
export const replayVenueMachine = setup({
  types: { context: {} as ReplayVenueInput & { bars: number }, events: {} as Message, input: {} as ReplayVenueInput, emitted: {} as ReplayVenueEmitted },
  actions: {
    match: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'replay.bars' || event.venue !== context.venue) return;
      enqueue.assign({ bars: context.bars + event.bars.length });
      enqueue.emit({ type: 'replay.matchBars', bars: event.bars });
    }),
  },
}).createMachine({
  id: 'replay-venue',
  context: ({ input }) => ({ venue: input.venue, bars: 0 }),
  initial: 'live',
  states: { live: { on: { 'replay.bars': { actions: 'match' } } } },
});
