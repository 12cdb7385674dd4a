import { and, assign, enqueueActions, setup } from 'xstate';
import { isGenuineApproval, type Approval } from '../../risk/approval.js';
import type { RiskState } from '../../risk/intent.js';
import type { AmmLpParams } from './params.js';
import type { AmmLpEffect, AmmLpEvent, AmmObservation, LpExitReason, LpPosition } from './amm-lp.messages.js';
import { intentId, openIntent, rangeAround, tierFor, volatilitySpike } from './lp-terms.js';
import { entryEdge } from './entry-edge.js';

export interface AmmLpInput {
  strategy: string;
  /** `chain:<name>`: execution leaves its approvals to this actor's effects. */
  venue: string;
  session?: string;
  /** Dollars one position deposits: depositFraction × risk's position limit. */
  depositUsd: number;
  params: AmmLpParams;
}

/** The latest `amm.observed`, as the guards read it. */
type Seen = Omit<AmmObservation, 'venue' | 'block'>;

export interface AmmLpContext extends AmmLpInput {
  proposed: number;
  riskState: RiskState;
  seen?: Seen;
  /** The open intent risk is judging, with the range it was sized for. */
  pending?: { intentId: string; fee: number; tickLower: number; tickUpper: number; amount: number; recordedTs: number };
  position?: LpPosition;
  /** Why the position is being withdrawn. */
  exit?: LpExitReason;
  /** No new position before this recorded time (cool-down after a spike, back-off after a denial). */
  holdUntil: number;
  /** The session asked for the end: withdraw and stay out. */
  stopping: boolean;
  /** The last withdrawal was to re-centre (out of range or a new tier): the next position is a re-centre. */
  recentring: boolean;
  opened: number;
  closed: number;
}

type Emitted = AmmLpEffect | { type: string; [k: string]: unknown };

/** Recorded seconds before proposing again after risk denied a position or its mint failed. */
export const RETRY_SEC = 300;

const observed = (event: AmmLpEvent): Seen | undefined =>
  event.type === 'amm.observed'
    ? { recordedTs: event.recordedTs, pools: event.pools, advisorFee: event.advisorFee, sigmaShort: event.sigmaShort, sigmaLong: event.sigmaLong, roundTripGasUsd: event.roundTripGasUsd }
    : undefined;

const spike = (ctx: AmmLpContext, seen: Seen) => volatilitySpike(seen.sigmaShort, seen.sigmaLong, ctx.params.volSpikeRatio);

function ownApproval(ctx: AmmLpContext, event: AmmLpEvent): Approval | undefined {
  if (event.type !== 'orders.approved') return undefined;
  return event.approvals.find((a) => isGenuineApproval(a) && a.intent.strategy === ctx.strategy && a.intent.intentId === ctx.pending?.intentId);
}

const ownDenial = (ctx: AmmLpContext, event: AmmLpEvent) => (event.type === 'orders.denied' ? event.denials.find((d) => d.intent.intentId === ctx.pending?.intentId) : undefined);

const positionPool = (ctx: AmmLpContext, seen: Seen) => seen.pools.find((p) => p.fee === ctx.position?.fee);

/**
 * Liquidity provision in a range around the price, one position at a time. Entry (`canEnter`): risk ACTIVE, no
 * volatility spike, past any cool-down, the tier's pool present; the position is proposed to risk as an open
 * intent of `depositUsd` units and minted only on risk's genuine approval (at the approved size). Exit, checked on
 * every recorded block while providing: the price left the range, or the advisor's tier changed (after
 * `minHoldSec`, and only if the new tier's expected edge, paying a new mint and burn, beats staying): both re-centre
 * at the next block; a volatility spike; risk REDUCING or HALTED (after either, out for `cooldownSec`); the session's end. A withdrawal only lowers exposure, so it is not put to risk (a HALTED risk
 * passes cancels only, and must not trap liquidity in a pool); it is journaled as a reduce.
 */
export const ammLpMachine = setup({
  types: { context: {} as AmmLpContext, events: {} as AmmLpEvent, emitted: {} as Emitted, input: {} as AmmLpInput },
  guards: {
    canEnter: ({ context, event }) => {
      const seen = observed(event);
      if (!seen || context.stopping || context.riskState !== 'ACTIVE' || seen.recordedTs < context.holdUntil || spike(context, seen)) return false;
      return tierFor(context.params, seen.pools, seen.advisorFee) !== undefined;
    },
    approvesPending: ({ context, event }) => ownApproval(context, event) !== undefined,
    deniesPending: ({ context, event }) => ownDenial(context, event) !== undefined,
    mintedPending: ({ context, event }) => event.type === 'amm.minted' && event.intentId === context.pending?.intentId,
    mintOk: ({ event }) => event.type === 'amm.minted' && event.ok && event.position !== undefined,
    burnedPosition: ({ context, event }) => event.type === 'amm.burned' && event.positionId === context.position?.positionId,
    burnOk: ({ event }) => event.type === 'amm.burned' && event.ok,
    outOfRange: ({ context, event }) => {
      const seen = observed(event);
      const pool = seen && positionPool(context, seen);
      return pool !== undefined && (pool.tick < context.position!.tickLower || pool.tick >= context.position!.tickUpper);
    },
    advisorMoved: ({ context, event }) => {
      const seen = observed(event);
      const p = context.position!;
      if (!seen || !context.params.followAdvisor || seen.advisorFee === undefined || seen.advisorFee === p.fee) return false;
      const target = seen.pools.find((pool) => pool.fee === seen.advisorFee);
      const current = positionPool(context, seen);
      if (!target || !current || seen.recordedTs - p.openedTs < context.params.minHoldSec * 1_000) return false;
      // Moving pays a new mint and burn now; staying pays nothing new: move only if the new tier's edge beats that.
      const inputs = { depositUsd: p.units, priceUsd: current.priceUsd, sigma: seen.sigmaLong };
      const move = entryEdge({ ...inputs, fee: target.fee, ...rangeAround(target.tick, target.tickSpacing, context.params.halfWidthTicks), volumePerSecUsd: target.volumePerSecUsd, liquidityUsd: target.liquidityUsd, roundTripGasUsd: seen.roundTripGasUsd });
      const stay = entryEdge({ ...inputs, fee: p.fee, tickLower: p.tickLower, tickUpper: p.tickUpper, volumePerSecUsd: current.volumePerSecUsd, liquidityUsd: current.liquidityUsd, roundTripGasUsd: 0 });
      return move.expectedProfit > stay.expectedProfit;
    },
    volatilitySpike: ({ context, event }) => {
      const seen = observed(event);
      return seen !== undefined && spike(context, seen);
    },
    riskOff: ({ event }) => event.type === 'risk.changed' && event.state !== 'ACTIVE',
    stopping: ({ context }) => context.stopping,
  },
  actions: {
    see: assign({ seen: ({ context, event }) => observed(event) ?? context.seen }),
    noteRisk: assign({ riskState: ({ context, event }) => (event.type === 'risk.changed' ? event.state : context.riskState) }),
    stop: assign({ stopping: true }),
    dropPending: assign({ pending: undefined }),
    propose: enqueueActions(({ context, event, enqueue }) => {
      const seen = observed(event)!;
      const pool = tierFor(context.params, seen.pools, seen.advisorFee)!;
      const range = rangeAround(pool.tick, pool.tickSpacing, context.params.halfWidthTicks);
      const edge = entryEdge({ depositUsd: context.depositUsd, fee: pool.fee, ...range, priceUsd: pool.priceUsd, volumePerSecUsd: pool.volumePerSecUsd, liquidityUsd: pool.liquidityUsd, sigma: seen.sigmaLong, roundTripGasUsd: seen.roundTripGasUsd });
      const intent = { ...openIntent(intentId(context.strategy, context.session, context.proposed + 1), context.strategy, context.venue, pool.fee, context.depositUsd), expectedProfit: edge.expectedProfit };
      enqueue.assign({ seen, proposed: context.proposed + 1, pending: { intentId: intent.intentId, fee: pool.fee, ...range, amount: intent.amount, recordedTs: seen.recordedTs } });
      enqueue.emit({ type: 'order.intents', intents: [intent] });
    }),
    mint: enqueueActions(({ context, event, enqueue }) => {
      const approval = ownApproval(context, event)!;
      const p = context.pending!;
      enqueue.emit({ type: 'amm.mint', intentId: p.intentId, approval, fee: p.fee, tickLower: p.tickLower, tickUpper: p.tickUpper, recordedTs: p.recordedTs });
    }),
    /** An approval for an intent no longer pursued (the session ended while risk judged it): give the reservation back. */
    releaseStale: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'orders.approved') return;
      for (const a of event.approvals) {
        if (isGenuineApproval(a) && a.intent.strategy === context.strategy && a.intent.venue === context.venue && a.intent.intentId !== context.pending?.intentId) {
          enqueue.emit({ type: 'order.unplaced', intentId: a.intent.intentId, amount: a.amount, reason: 'the LP strategy no longer pursues it' });
        }
      }
    }),
    denied: enqueueActions(({ context, event, enqueue }) => {
      const d = ownDenial(context, event)!;
      enqueue.emit({ type: 'amm.lp.skipped', reason: 'denied', detail: `${d.intent.intentId} ${d.reason}: ${d.detail}` });
      enqueue.assign({ pending: undefined, holdUntil: (context.seen?.recordedTs ?? 0) + RETRY_SEC * 1_000 });
    }),
    opened: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'amm.minted' || !event.position) return;
      enqueue.assign({ position: event.position, pending: undefined, opened: context.opened + 1, recentring: false });
      enqueue.emit({ type: 'amm.lp.opened', position: event.position, recentre: context.recentring });
    }),
    mintFailed: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'amm.minted') return;
      const p = context.pending!;
      enqueue.emit({ type: 'order.unplaced', intentId: p.intentId, amount: p.amount, reason: `mint failed: ${event.detail}` });
      enqueue.emit({ type: 'amm.lp.skipped', reason: 'mint-failed', detail: event.detail });
      enqueue.assign({ pending: undefined, holdUntil: (context.seen?.recordedTs ?? 0) + RETRY_SEC * 1_000 });
    }),
    withdraw: enqueueActions(({ context, enqueue }, reason: LpExitReason) => {
      const p = context.position!;
      const seenTs = context.seen?.recordedTs ?? 0;
      enqueue.assign({
        exit: reason,
        proposed: context.proposed + 1,
        recentring: reason === 'out-of-range' || reason === 'fee-tier',
        // Risk can flip REDUCING/ACTIVE within minutes (a loss streak's cooldown): each flip would cost a mint and a burn.
        holdUntil: reason === 'volatility' || reason === 'risk' ? seenTs + context.params.cooldownSec * 1_000 : context.holdUntil,
      });
      enqueue.emit({ type: 'amm.burn', positionId: p.positionId, intentId: intentId(context.strategy, context.session, context.proposed + 1), units: p.units, reason });
    }),
    closed: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'amm.burned') return;
      enqueue.emit({ type: 'amm.lp.closed', positionId: event.positionId, reason: context.exit!, ...(event.pnlUsd !== undefined ? { pnlUsd: event.pnlUsd } : {}) });
      enqueue.assign({ position: undefined, exit: undefined, closed: context.closed + 1 });
    }),
    burnFailed: enqueueActions(({ event, enqueue }) => {
      if (event.type !== 'amm.burned') return;
      enqueue.emit({ type: 'amm.lp.skipped', reason: 'burn-failed', detail: event.detail });
      enqueue.assign({ exit: undefined });
    }),
  },
}).createMachine({
  id: 'amm-lp',
  context: ({ input }) => ({ ...input, proposed: 0, riskState: 'ACTIVE', holdUntil: 0, stopping: false, recentring: false, opened: 0, closed: 0 }),
  initial: 'flat',
  on: {
    'risk.changed': { actions: 'noteRisk' },
    'orders.approved': { actions: 'releaseStale' },
  },
  states: {
    flat: {
      on: {
        'amm.observed': [{ guard: 'canEnter', target: 'awaitingApproval', actions: 'propose' }, { actions: 'see' }],
        'amm.withdraw': { target: 'stopped', actions: 'stop' },
      },
    },
    awaitingApproval: {
      on: {
        'orders.approved': [{ guard: 'approvesPending', target: 'minting', actions: 'mint' }, { actions: 'releaseStale' }],
        'orders.denied': { guard: 'deniesPending', target: 'flat', actions: 'denied' },
        'amm.observed': { actions: 'see' },
        // Nothing is on the venue yet: stop now; an approval that still comes is given back (releaseStale).
        'amm.withdraw': { target: 'stopped', actions: ['stop', 'dropPending'] },
      },
    },
    minting: {
      on: {
        'amm.minted': [
          { guard: and(['mintedPending', 'mintOk']), target: 'providing', actions: 'opened' },
          { guard: 'mintedPending', target: 'flat', actions: 'mintFailed' },
        ],
        'amm.observed': { actions: 'see' },
        'amm.withdraw': { actions: 'stop' },
      },
    },
    providing: {
      always: { guard: 'stopping', target: 'withdrawing', actions: { type: 'withdraw', params: 'stop' as LpExitReason } },
      on: {
        'amm.observed': [
          { guard: 'outOfRange', target: 'withdrawing', actions: ['see', { type: 'withdraw', params: 'out-of-range' as LpExitReason }] },
          { guard: 'volatilitySpike', target: 'withdrawing', actions: ['see', { type: 'withdraw', params: 'volatility' as LpExitReason }] },
          { guard: 'advisorMoved', target: 'withdrawing', actions: ['see', { type: 'withdraw', params: 'fee-tier' as LpExitReason }] },
          { actions: 'see' },
        ],
        'risk.changed': { guard: 'riskOff', target: 'withdrawing', actions: ['noteRisk', { type: 'withdraw', params: 'risk' as LpExitReason }] },
        'amm.withdraw': { target: 'withdrawing', actions: ['stop', { type: 'withdraw', params: 'stop' as LpExitReason }] },
      },
    },
    withdrawing: {
      on: {
        'amm.burned': [
          { guard: and(['burnedPosition', 'burnOk', 'stopping']), target: 'stopped', actions: 'closed' },
          { guard: and(['burnedPosition', 'burnOk']), target: 'flat', actions: 'closed' },
          { guard: 'burnedPosition', target: 'providing', actions: 'burnFailed' },
        ],
        'amm.observed': { actions: 'see' },
        'amm.withdraw': { actions: 'stop' },
      },
    },
    stopped: {
      on: { 'amm.observed': { actions: 'see' } },
    },
  },
});
