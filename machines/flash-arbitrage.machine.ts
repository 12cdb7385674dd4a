import { assign, emit, setup } from 'xstate';

declare module '../actors/runtime/messages.js' {
  interface MessageMap {
    /** Block follower → chain venue: a new block was sealed. */
    'chain.block': { number: number };
    /** Chain venue host → its machine: result of evaluating a block (reserves, sizing, simulation, send). */
    'chain.evaluated': {
      block: number;
      outcome: 'none' | 'below-threshold' | 'simulation-failed' | 'submitted' | 'error';
      detail: string;
      txHash?: string;
      targetBlock?: number;
      deadlineBlock?: number;
      /** Decimal string, wei. */
      predictedNetWei?: string;
    };
    /** Chain venue host → its machine: where the submitted bundle stands after a block. */
    'chain.followedUp': { block: number; txHash: string; status: 'included' | 'pending' | 'expired' | 'dropped' | 'error'; includedBlock?: number; predictedNetWei?: string };
    /** Chain venue → journal, risk, ledger: a simulated bundle went to the relay. */
    'chain.arbitrage.submitted': { txHash: string; targetBlock: number; deadlineBlock: number; predictedNetWei: string };
    'chain.arbitrage.included': { txHash: string; block: number; predictedNetWei: string };
    /** No bundle for this block, and why (a rejection is an event). */
    'chain.arbitrage.skipped': { block: number; reason: 'none' | 'below-threshold' | 'simulation-failed' | 'error' | 'busy'; detail: string };
    'chain.arbitrage.dropped': { txHash: string; block: number; reason: 'expired' | 'dropped' | 'error' };
  }
}

/** I/O the host runs: evaluate a block (and submit), or follow up a submitted bundle. */
export type FlashArbitrageEffect = { type: 'chain.evaluate'; block: number } | { type: 'chain.followUp'; block: number; txHash: string };

export interface PendingBundle {
  txHash: string;
  targetBlock: number;
  deadlineBlock: number;
  predictedNetWei: string;
}

export interface FlashArbitrageContext {
  lastBlock: number;
  pending: PendingBundle | undefined;
  submitted: number;
  included: number;
}

type Ev<T extends string, B = object> = { type: T } & B;
type Evaluated = Ev<'chain.evaluated', { block: number; outcome: string; detail: string; txHash?: string; targetBlock?: number; deadlineBlock?: number; predictedNetWei?: string }>;
type FollowedUp = Ev<'chain.followedUp', { block: number; txHash: string; status: string; includedBlock?: number; predictedNetWei?: string }>;
export type FlashArbitrageEvent = Ev<'chain.block', { number: number }> | Evaluated | FollowedUp;

const skipReason = (o: string) => (o === 'none' || o === 'below-threshold' || o === 'simulation-failed' ? o : 'error');

/**
 * The chain venue's lifecycle: one bundle in flight at a time. On a new block it asks the host to
 * evaluate (read reserves, size, simulate, send); while a bundle is out it asks, each block, whether it
 * landed, resending until the deadline. Blocks that arrive while busy are reported as skipped.
 */
export const flashArbitrageMachine = setup({
  types: { context: {} as FlashArbitrageContext, events: {} as FlashArbitrageEvent, emitted: {} as FlashArbitrageEffect | { type: string; [k: string]: unknown } },
  guards: {
    newBlock: ({ context, event }) => event.type === 'chain.block' && event.number > context.lastBlock,
    submitted: ({ event }) => event.type === 'chain.evaluated' && event.outcome === 'submitted' && event.txHash !== undefined,
    landed: ({ event }) => event.type === 'chain.followedUp' && event.status === 'included',
    stillPending: ({ event }) => event.type === 'chain.followedUp' && event.status === 'pending',
  },
}).createMachine({
  id: 'flash-arbitrage',
  context: { lastBlock: -1, pending: undefined, submitted: 0, included: 0 },
  initial: 'watching',
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
        'chain.block': { actions: emit(({ event }) => ({ type: 'chain.arbitrage.skipped', block: event.number, reason: 'busy', detail: 'still evaluating the previous block' })) },
        'chain.evaluated': [
          {
            guard: 'submitted',
            target: 'awaitingInclusion',
            actions: [
              assign({
                pending: ({ event }) => ({ txHash: event.txHash!, targetBlock: event.targetBlock ?? event.block + 1, deadlineBlock: event.deadlineBlock ?? event.block + 1, predictedNetWei: event.predictedNetWei ?? '0' }),
                submitted: ({ context }) => context.submitted + 1,
              }),
              emit(({ context }) => ({ type: 'chain.arbitrage.submitted', ...context.pending! })),
            ],
          },
          {
            target: 'watching',
            actions: emit(({ event }) => ({ type: 'chain.arbitrage.skipped', block: event.block, reason: skipReason(event.outcome), detail: event.detail })),
          },
        ],
      },
    },
    awaitingInclusion: {
      on: {
        'chain.block': {
          guard: 'newBlock',
          target: 'checking',
          actions: [assign({ lastBlock: ({ event }) => event.number }), emit(({ context, event }) => ({ type: 'chain.followUp' as const, block: event.number, txHash: context.pending!.txHash }))],
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
              emit(({ context, event }) => ({ type: 'chain.arbitrage.included', txHash: event.txHash, block: event.includedBlock ?? event.block, predictedNetWei: event.predictedNetWei ?? context.pending!.predictedNetWei })),
              assign({ pending: undefined, included: ({ context }) => context.included + 1 }),
            ],
          },
          {
            guard: 'stillPending',
            target: 'awaitingInclusion',
            actions: assign({ pending: ({ context, event }) => ({ ...context.pending!, targetBlock: event.block + 1, predictedNetWei: event.predictedNetWei ?? context.pending!.predictedNetWei }) }),
          },
          {
            target: 'watching',
            actions: [
              emit(({ event }) => ({ type: 'chain.arbitrage.dropped', txHash: event.txHash, block: event.block, reason: event.status === 'expired' ? 'expired' : event.status === 'error' ? 'error' : 'dropped' })),
              assign({ pending: undefined }),
            ],
          },
        ],
        'chain.block': { actions: emit(({ event }) => ({ type: 'chain.arbitrage.skipped', block: event.number, reason: 'busy', detail: 'checking the bundle in flight' })) },
      },
    },
  },
});
