import { enqueueActions, setup } from 'xstate';
import { isGenuineApproval, type Approval } from '../../risk/approval.js';
import type { Message } from '../../runtime/messages.js';

/**
 * Stand-in for the execution actor in replays, until actors/execution exists: takes risk's approvals,
 * refuses anything risk did not mint, and asks its host (effect `venue.submit`) to place the order on the replay venue.
 */
export const replayGatewayMachine = setup({
  types: {
    events: {} as Message<'orders.approved'>,
    emitted: {} as { type: 'venue.submit'; approval: Approval },
  },
}).createMachine({
  id: 'replay-gateway',
  on: {
    'orders.approved': {
      actions: enqueueActions(({ event, enqueue }) => {
        for (const approval of event.approvals) if (isGenuineApproval(approval)) enqueue.emit({ type: 'venue.submit', approval });
      }),
    },
  },
});
