import { emit, setup } from 'xstate';
import { isGenuineApproval, type Approval } from '../../risk/approval.js';
import type { Message } from '../../runtime/messages.js';

/**
 * Stand-in for the execution actor in replays, until actors/execution exists: takes risk's approvals,
 * refuses anything risk did not mint, and asks its host (effect `venue.submit`) to place the order on the replay venue.
 */
export const replayGatewayMachine = setup({
  types: {
    events: {} as Message<'order.approved'>,
    emitted: {} as { type: 'venue.submit'; approval: Approval },
  },
  guards: {
    genuine: ({ event }) => isGenuineApproval(event.approval),
  },
}).createMachine({
  id: 'replay-gateway',
  on: {
    'order.approved': { guard: 'genuine', actions: emit(({ event }) => ({ type: 'venue.submit' as const, approval: event.approval })) },
  },
});
