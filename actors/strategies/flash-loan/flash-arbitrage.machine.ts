import { assign, emit, enqueueActions, setup } from 'xstate';
import { isGenuineApproval, type Approval } from '../../risk/approval.js';
import type { OrderIntent } from '../../risk/intent.js';
import type { Denial } from '../../risk/messages.js';
import type { FlashArbitrageEvent, FlashProposal } from './flash-arbitrage.messages.js';

export type { FlashArbitrageEvent, FlashProposal } from './flash-arbitrage.messages.js';

/** I/O the host runs: evaluate a block (prepare, send nothing), send an approved bundle, follow one up. */
export type FlashArbitrageEffect =
  | { type: 'chain.evaluate'; block: number }
  | { type: 'chain.submit'; block: number; intentId: string; approval: Approval }
  | { type: 'chain.followUp'; block: number; txHash: string };

/** The cycle in flight: proposed to risk, then approved and sent. */
export interface PendingCycle {
  intentId: string;
  /** Block whose reserves the cycle was sized on. */
  block: number;
  /** Last block the quote may still be sent for; an approval later than that is released, not used. */
  deadlineBlock: number;
  amount: number;
  approvedAmount?: number;
  txHash?: string;
  targetBlock?: number;
  predictedNetWei: string;
}

export interface FlashArbitrageInput {
  /** Strategy name: intents carry it, risk's denials come back to `strategy:<name>`. */
  strategy: string;
  /** Venue id of the chain, `chain:<name>`. */
  venue: string;
  /** This run's id on the journal: intent ids are `${strategy}-${session}-${n}`, so no run repeats another's. */
  session?: string;
}

export interface FlashArbitrageContext extends FlashArbitrageInput {
  lastBlock: number;
  /** Intents proposed so far: the next intent id ends in `-${proposed + 1}`. */
  proposed: number;
  pending: PendingCycle | undefined;
  submitted: number;
  included: number;
}

type Emitted = FlashArbitrageEffect | { type: string; [k: string]: unknown };

const skipReason = (o: string) => (o === 'none' || o === 'below-threshold' || o === 'simulation-failed' || o === 'refused' ? o : 'error');

function intentFor(ctx: FlashArbitrageContext, p: FlashProposal): OrderIntent {
  return {
    intentId: ctx.session ? `${ctx.strategy}-${ctx.session}-${ctx.proposed + 1}` : `${ctx.strategy}-${ctx.proposed + 1}`,
    strategy: ctx.strategy,
    venue: ctx.venue,
    symbol: p.symbol,
    side: 'buy',
    kind: 'open',
    type: 'market',
    amount: p.amount,
    price: p.price,
    expectedProfit: p.expectedProfit,
  };
}

/** The genuine approvals in a batch of intents this actor made (its strategy, its venue). */
function ownApprovals(ctx: FlashArbitrageContext, event: FlashArbitrageEvent): Approval[] {
  if (event.type !== 'orders.approved') return [];
  return event.approvals.filter((a) => isGenuineApproval(a) && a.intent.strategy === ctx.strategy && a.intent.venue === ctx.venue);
}

function pendingApproval(ctx: FlashArbitrageContext, event: FlashArbitrageEvent): Approval | undefined {
  return ownApprovals(ctx, event).find((a) => a.intent.intentId === ctx.pending?.intentId);
}

function pendingDenial(ctx: FlashArbitrageContext, event: FlashArbitrageEvent): Denial | undefined {
  return event.type === 'orders.denied' ? event.denials.find((d) => d.intent.intentId === ctx.pending?.intentId) : undefined;
}

/** Risk reserved the approved amount; a cycle that will not trade gives it back. */
const release = (intentId: string, amount: number, reason: string) => ({ type: 'order.unplaced', intentId, amount, reason });

/**
 * The chain strategy/venue lifecycle, one cycle at a time. A block asks the host to evaluate (reserves,
 * sizing, signing, simulation: nothing is sent). A cycle that pays is proposed to risk as an `order.intents` batch of one;
 * only a genuine approval of that intent makes the host send the bundle (re-sized to the approved amount);
 * a denial is a skip. While a bundle is out, each block asks whether it landed, resending until the deadline.
 * Blocks that arrive while busy are reported as skipped.
 */
export const flashArbitrageMachine = setup({
  types: { context: {} as FlashArbitrageContext, events: {} as FlashArbitrageEvent, emitted: {} as Emitted, input: {} as Partial<FlashArbitrageInput> | undefined },
  guards: {
    newBlock: ({ context, event }) => event.type === 'chain.block' && event.number > context.lastBlock,
    proposed: ({ event }) => event.type === 'chain.evaluated' && event.outcome === 'proposed' && event.proposal !== undefined,
    approvesPending: ({ context, event }) => pendingApproval(context, event) !== undefined,
    deniesPending: ({ context, event }) => pendingDenial(context, event) !== undefined,
    quoteExpired: ({ context, event }) => event.type === 'chain.block' && context.pending !== undefined && event.number > context.pending.deadlineBlock,
    sent: ({ event }) => event.type === 'chain.sent' && event.outcome === 'submitted' && event.txHash !== undefined,
    landed: ({ event }) => event.type === 'chain.followedUp' && event.status === 'included',
    stillPending: ({ event }) => event.type === 'chain.followedUp' && event.status === 'pending',
  },
  actions: {
    busy: emit(({ event }) => ({ type: 'chain.arbitrage.skipped', block: event.type === 'chain.block' ? event.number : -1, reason: 'busy', detail: 'a cycle is in flight' })),
    /** An approval of an intent no longer pursued (it came after the quote expired): give the reservation back. */
    releaseLate: enqueueActions(({ context, event, enqueue }) => {
      for (const approval of ownApprovals(context, event)) {
        if (approval.intent.intentId !== context.pending?.intentId) enqueue.emit(release(approval.intent.intentId, approval.amount, 'approval arrived after the quote expired'));
      }
    }),
  },
}).createMachine({
  id: 'flash-arbitrage',
  context: ({ input }) => ({
    strategy: input?.strategy ?? 'flash-loan',
    venue: input?.venue ?? 'chain:local',
    ...(input?.session ? { session: input.session } : {}),
    lastBlock: -1,
    proposed: 0,
    pending: undefined,
    submitted: 0,
    included: 0,
  }),
  initial: 'watching',
  on: { 'orders.approved': { actions: 'releaseLate' } },
  states: {
    watching: {
      on: {
        'chain.block': {
          guard: 'newBlock',
          target: 'evaluating',
          actions: [assign({ lastBlock: ({ event }) => event.number }), emit(({ event }) => ({ type: 'chain.evaluate' as const, block: event.number }))],
        },
      },
    },
    evaluating: {
      on: {
        'chain.block': { actions: 'busy' },
        'chain.evaluated': [
          {
            guard: 'proposed',
            target: 'awaitingApproval',
            actions: enqueueActions(({ context, event, enqueue }) => {
              if (event.type !== 'chain.evaluated' || !event.proposal) return;
              const intent = intentFor(context, event.proposal);
              enqueue.assign({
                proposed: context.proposed + 1,
                pending: { intentId: intent.intentId, block: event.block, deadlineBlock: event.proposal.deadlineBlock, amount: intent.amount, predictedNetWei: event.proposal.predictedNetWei },
              });
              enqueue.emit({ type: 'order.intents', intents: [intent] });
            }),
          },
          {
            target: 'watching',
            actions: emit(({ event }) => (event.type === 'chain.evaluated' ? { type: 'chain.arbitrage.skipped', block: event.block, reason: skipReason(event.outcome), detail: event.detail } : { type: 'ignored' })),
          },
        ],
      },
    },
    awaitingApproval: {
      on: {
        'orders.approved': {
          guard: 'approvesPending',
          target: 'submitting',
          actions: enqueueActions(({ context, event, enqueue }) => {
            const approval = pendingApproval(context, event)!;
            enqueue.assign({ pending: { ...context.pending!, approvedAmount: approval.amount } });
            enqueue.emit({ type: 'chain.submit', block: context.pending!.block, intentId: context.pending!.intentId, approval });
          }),
        },
        'orders.denied': {
          guard: 'deniesPending',
          target: 'watching',
          actions: [
            emit(({ context, event }) => {
              const { reason, detail } = pendingDenial(context, event)!;
              return { type: 'chain.arbitrage.skipped', block: context.pending!.block, reason: 'denied', detail: `${context.pending!.intentId} ${reason}: ${detail}` };
            }),
            assign({ pending: undefined }),
          ],
        },
        'chain.block': [
          {
            guard: 'quoteExpired',
            target: 'watching',
            actions: [
              emit(({ context }) => ({ type: 'chain.arbitrage.skipped', block: context.pending!.block, reason: 'unapproved', detail: `no verdict on ${context.pending!.intentId} before block ${context.pending!.deadlineBlock}` })),
              assign({ pending: undefined }),
            ],
          },
          { actions: 'busy' },
        ],
      },
    },
    submitting: {
      on: {
        'chain.block': { actions: 'busy' },
        'chain.sent': [
          {
            guard: 'sent',
            target: 'awaitingInclusion',
            actions: [
              assign({
                pending: ({ context, event }) => {
                  const e = event as Extract<FlashArbitrageEvent, { type: 'chain.sent' }>;
                  return { ...context.pending!, txHash: e.txHash!, targetBlock: e.targetBlock ?? e.block + 1, deadlineBlock: e.deadlineBlock ?? e.block + 1, predictedNetWei: e.predictedNetWei ?? context.pending!.predictedNetWei };
                },
                submitted: ({ context }) => context.submitted + 1,
              }),
              emit(({ context }) => {
                const p = context.pending!;
                return { type: 'chain.arbitrage.submitted', intentId: p.intentId, txHash: p.txHash!, targetBlock: p.targetBlock!, deadlineBlock: p.deadlineBlock, predictedNetWei: p.predictedNetWei };
              }),
            ],
          },
          {
            target: 'watching',
            actions: enqueueActions(({ context, event, enqueue }) => {
              if (event.type !== 'chain.sent') return;
              const p = context.pending!;
              enqueue.emit({ type: 'chain.arbitrage.skipped', block: p.block, reason: skipReason(event.outcome), detail: event.detail });
              enqueue.emit(release(p.intentId, p.approvedAmount ?? p.amount, `not sent: ${event.detail}`));
              enqueue.assign({ pending: undefined });
            }),
          },
        ],
      },
    },
    awaitingInclusion: {
      on: {
        'chain.block': {
          guard: 'newBlock',
          target: 'checking',
          actions: [assign({ lastBlock: ({ event }) => event.number }), emit(({ context, event }) => ({ type: 'chain.followUp' as const, block: event.number, txHash: context.pending!.txHash! }))],
        },
      },
    },
    checking: {
      on: {
        'chain.followedUp': [
          {
            guard: 'landed',
            target: 'watching',
            actions: [
              emit(({ context, event }) => {
                const e = event as Extract<FlashArbitrageEvent, { type: 'chain.followedUp' }>;
                return { type: 'chain.arbitrage.included', intentId: context.pending!.intentId, txHash: e.txHash, block: e.includedBlock ?? e.block, predictedNetWei: e.predictedNetWei ?? context.pending!.predictedNetWei };
              }),
              assign({ pending: undefined, included: ({ context }) => context.included + 1 }),
            ],
          },
          {
            guard: 'stillPending',
            target: 'awaitingInclusion',
            actions: assign({
              pending: ({ context, event }) => {
                const e = event as Extract<FlashArbitrageEvent, { type: 'chain.followedUp' }>;
                return { ...context.pending!, targetBlock: e.block + 1, predictedNetWei: e.predictedNetWei ?? context.pending!.predictedNetWei };
              },
            }),
          },
          {
            target: 'watching',
            actions: enqueueActions(({ context, event, enqueue }) => {
              if (event.type !== 'chain.followedUp') return;
              const p = context.pending!;
              const reason = event.status === 'expired' ? 'expired' : event.status === 'error' ? 'error' : 'dropped';
              enqueue.emit({ type: 'chain.arbitrage.dropped', intentId: p.intentId, txHash: event.txHash, block: event.block, reason });
              enqueue.emit(release(p.intentId, p.approvedAmount ?? p.amount, `bundle ${reason}`));
              enqueue.assign({ pending: undefined });
            }),
          },
        ],
        'chain.block': { actions: 'busy' },
      },
    },
  },
});
