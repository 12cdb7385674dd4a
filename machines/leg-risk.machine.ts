import { and, assign, enqueueActions, setup } from 'xstate';
import type { Fill, OrderUpdate } from '../actors/ledger/types.js';
import type { OrderIntent } from '../actors/risk/intent.js';
import type { Denial } from '../actors/risk/messages.js';
import type { OrderBook, Side } from '../actors/market-data/types.js';

export type LegOutcome = 'completed' | 'aborted' | 'hedged' | 'unwound' | 'stuck';

declare module '../actors/runtime/messages.js' {
  interface MessageMap {
    /** Anyone → a leg-risk host: run this plan now (when idle). */
    'legs.plan': { plan: LegPlan };
    /** Strategy → leg-risk: send every leg of the plan now. */
    'legs.submit': { groupId: string };
    /** Leg-risk → journal: how a multi-leg trade ended and what it realised, per currency. */
    'arb.outcome': { groupId: string; strategy: string; outcome: LegOutcome; pnl: Record<string, number>; detail: string };
  }
}

export interface PlannedLeg {
  venue: string;
  /** ccxt symbol BASE/QUOTE. */
  symbol: string;
  side: Side;
  amount: number;
  /** Limit price (IOC-style at the worst level the plan walked to). */
  price: number;
}

/** One multi-leg trade to run. */
export interface LegPlan {
  groupId: string;
  legs: PlannedLeg[];
  expectedProfit?: number;
}

/**
 * Turns a book update into a plan, or nothing. Supplied by the strategy (triangle graph, cross-venue
 * books); it holds market state but does no I/O.
 */
export type LegPlanner = (book: OrderBook, seq: number) => LegPlan | undefined;

export interface LegRiskInput {
  groupId: string;
  strategy: string;
  legs: PlannedLeg[];
  /** Time for every leg to fill before the plan is resolved. */
  deadlineMs: number;
  /** Time for hedges to fill before the group is declared stuck (and risk halted). */
  hedgeDeadlineMs: number;
  /**
   * After a partial: 'unwind' reverses what filled; 'complete' buys/sells the missing remainder at
   * market; 'auto' completes when every leg filled at least half (the residual is small), else unwinds.
   */
  policy: 'unwind' | 'complete' | 'auto';
  expectedProfit?: number;
  /** Long-lived: after an outcome, go back to idle and take the next plan. */
  repeat?: boolean;
}

type LegState = 'working' | 'filled' | 'dead';

export interface TrackedOrder {
  intentId: string;
  venue: string;
  symbol: string;
  side: Side;
  amount: number;
  price: number;
  state: LegState;
  clientOrderId?: string;
  /** A cancel intent was sent for it (only once its clientOrderId is known). */
  cancelRequested?: boolean;
  filled: number;
  fillIds: string[];
}

export interface LegRiskContext extends LegRiskInput {
  /** Plans started so far (for deterministic group ids). */
  seq: number;
  candidate?: LegPlan;
  orders: TrackedOrder[];
  hedges: TrackedOrder[];
  pnl: Record<string, number>;
  detail: string;
  /** What the hedge of the current group does, once decided. */
  hedgeMode?: 'unwind' | 'complete';
}

export type LegRiskEvent =
  | { type: 'legs.submit'; groupId: string }
  | { type: 'legs.plan'; plan: LegPlan }
  | { type: 'book.updated'; book: OrderBook }
  | { type: 'orders.denied'; denials: readonly Denial[] }
  | { type: 'orders.updated'; updates: readonly OrderUpdate[]; fills: readonly Fill[] };

export type LegRiskEmitted =
  | { type: 'order.intents'; intents: readonly OrderIntent[]; allOrNone?: boolean }
  | { type: 'arb.outcome'; groupId: string; strategy: string; outcome: LegOutcome; pnl: Record<string, number>; detail: string }
  | { type: 'risk.halt'; reason: string };

const EPS = 1e-12;

function intentFor(ctx: LegRiskContext, o: TrackedOrder, kind: OrderIntent['kind'], type: OrderIntent['type']): OrderIntent {
  return {
    intentId: o.intentId, strategy: ctx.strategy, venue: o.venue, symbol: o.symbol, side: o.side, kind, type,
    amount: o.amount, price: o.price, legGroup: ctx.groupId,
    ...(ctx.expectedProfit !== undefined && kind === 'open' ? { expectedProfit: ctx.expectedProfit } : {}),
  };
}

function applyFill(o: TrackedOrder, fill: Fill, pnl: Record<string, number>): TrackedOrder {
  if (fill.intentId !== o.intentId || o.fillIds.includes(fill.fillId)) return o;
  const [base, quote] = fill.symbol.split('/') as [string, string];
  const sign = fill.side === 'buy' ? 1 : -1;
  pnl[base] = (pnl[base] ?? 0) + sign * fill.amount;
  pnl[quote] = (pnl[quote] ?? 0) - sign * fill.amount * fill.price - fill.fee;
  const filled = o.filled + fill.amount;
  return { ...o, filled, fillIds: [...o.fillIds, fill.fillId], state: filled >= o.amount * (1 - 1e-9) - EPS ? 'filled' : o.state };
}

function applyUpdate(o: TrackedOrder, order: OrderUpdate): TrackedOrder {
  if (order.intentId !== o.intentId) return o;
  const s = order.status;
  const state: LegState = s === 'filled' ? 'filled' : s === 'cancelled' || s === 'rejected' ? 'dead' : o.state;
  return { ...o, clientOrderId: order.clientOrderId, state };
}

/** Applies a report (fills first, then updates) or a batch of denials to whichever tracked orders (legs or hedges) they name. */
function track(orders: TrackedOrder[], ev: LegRiskEvent, pnl: Record<string, number>): TrackedOrder[] {
  if (ev.type === 'orders.denied') {
    const denied = new Set(ev.denials.map((d) => d.intent.intentId));
    return orders.map((o) => (denied.has(o.intentId) ? { ...o, state: 'dead' } : o));
  }
  if (ev.type !== 'orders.updated') return orders;
  return orders.map((o) => {
    let next = o;
    for (const fill of ev.fills) next = applyFill(next, fill, pnl);
    for (const order of ev.updates) next = applyUpdate(next, order);
    return next;
  });
}

const settled = (os: TrackedOrder[]) => os.every((o) => o.state !== 'working');

const trackedFrom = (plan: LegPlan): TrackedOrder[] =>
  plan.legs.map((l, i) => ({ ...l, intentId: `${plan.groupId}.L${i}`, state: 'working' as const, filled: 0, fillIds: [] }));

/**
 * One multi-leg trade: plan → legs submitted → all filled | partial → hedge or unwind within a
 * deadline. Every order (legs, cancels, hedges) is an intent for the risk actor, sent as one `order.intents`
 * batch per step (the legs all-or-none, so risk never approves a leg and vetoes its partner); the outcome
 * and its realised P&L per currency are emitted as arb.outcome for the journal. With `repeat`, the
 * machine is a strategy's desk: idle until a plan arrives (legs.plan, or the planner finds one in a
 * book update), and back to idle after each outcome.
 */
export function createLegRiskMachine(planner?: LegPlanner) {
  return setup({
    types: { input: {} as LegRiskInput, context: {} as LegRiskContext, events: {} as LegRiskEvent, emitted: {} as LegRiskEmitted },
    delays: {
      deadline: ({ context }) => context.deadlineMs,
      hedgeDeadline: ({ context }) => context.hedgeDeadlineMs,
    },
    guards: {
      hasPlan: ({ context }) => context.legs.length > 0,
      hasCandidate: ({ context }) => context.candidate !== undefined,
      repeat: ({ context }) => context.repeat === true,
      allFilled: ({ context }) => context.orders.every((o) => o.state === 'filled'),
      anyDead: ({ context }) => context.orders.some((o) => o.state === 'dead'),
      legsSettled: ({ context }) => settled(context.orders),
      nothingFilled: ({ context }) => context.orders.every((o) => o.filled <= EPS),
      hedgesSettled: ({ context }) => settled(context.hedges),
      hedgesFilled: ({ context }) => context.hedges.every((o) => o.state === 'filled'),
    },
    actions: {
      track: assign(({ context, event }) => {
        const pnl = { ...context.pnl };
        return { orders: track(context.orders, event, pnl), hedges: track(context.hedges, event, pnl), pnl };
      }),
      consider: assign(({ context, event }) => {
        if (event.type === 'legs.plan') return { candidate: event.plan };
        if (event.type !== 'book.updated' || !planner) return {};
        // The planner sees every book (it keeps its market state current); a plan is taken only when idle.
        const plan = planner(event.book, context.seq + 1);
        return plan && context.candidate === undefined ? { candidate: plan } : {};
      }),
      adopt: assign(({ context }) => {
        const plan = context.candidate!;
        return {
          groupId: plan.groupId, legs: plan.legs, expectedProfit: plan.expectedProfit, candidate: undefined, seq: context.seq + 1,
          orders: trackedFrom(plan), hedges: [], pnl: {}, detail: '', hedgeMode: undefined,
        };
      }),
      dropCandidate: assign({ candidate: undefined }),
      submitLegs: enqueueActions(({ context, enqueue }) => {
        enqueue.emit({ type: 'order.intents', intents: context.orders.map((o) => intentFor(context, o, 'open', 'limit')), allOrNone: true });
      }),
      cancelWorking: enqueueActions(({ context, enqueue }) => {
        // A leg whose clientOrderId is not known yet is cancelled as soon as its first order.updated names it.
        const ready = (o: TrackedOrder) => o.state === 'working' && o.clientOrderId !== undefined && !o.cancelRequested;
        if (!context.orders.some(ready)) return;
        const cancels = context.orders.filter(ready).map((o) => ({ ...intentFor(context, o, 'cancel', 'limit'), intentId: `${o.intentId}.cancel`, cancelClientOrderId: o.clientOrderId! }));
        enqueue.emit({ type: 'order.intents', intents: cancels });
        enqueue.assign({ orders: context.orders.map((o) => (ready(o) ? { ...o, cancelRequested: true } : o)) });
      }),
      submitHedges: enqueueActions(({ context, enqueue }) => {
        const hedges: TrackedOrder[] = [];
        const mostlyFilled = context.orders.every((o) => o.filled >= o.amount / 2);
        const unwind = context.policy === 'unwind' || (context.policy === 'auto' && !mostlyFilled);
        context.orders.forEach((o, i) => {
          // Rounded to 10 decimals so float noise (0.7259999999999991) does not reach the venue's step rounding.
          const amount = Number((unwind ? o.filled : o.amount - o.filled).toFixed(10));
          if (amount <= EPS) return;
          const side: Side = unwind ? (o.side === 'buy' ? 'sell' : 'buy') : o.side;
          hedges.push({ intentId: `${context.groupId}.H${i}`, venue: o.venue, symbol: o.symbol, side, amount, price: o.price, state: 'working', filled: 0, fillIds: [] });
        });
        enqueue.assign({ hedges, hedgeMode: unwind ? 'unwind' : 'complete' });
        if (hedges.length > 0) enqueue.emit({ type: 'order.intents', intents: hedges.map((h) => intentFor(context, h, unwind ? 'reduce' : 'open', 'market')) });
      }),
      note: assign({ detail: (_, p: { detail: string }) => p.detail }),
      report: enqueueActions(({ context, enqueue }, p: { outcome: LegOutcome }) => {
        const outcome = p.outcome === 'hedged' && context.hedgeMode === 'unwind' ? 'unwound' : p.outcome;
        enqueue.emit({ type: 'arb.outcome', groupId: context.groupId, strategy: context.strategy, outcome, pnl: context.pnl, detail: context.detail });
        if (outcome === 'stuck') enqueue.emit({ type: 'risk.halt', reason: `leg risk: ${context.groupId} could not be hedged within ${context.hedgeDeadlineMs} ms` });
      }),
    },
  }).createMachine({
    id: 'legRisk',
    context: ({ input }) => ({
      ...input,
      seq: 0,
      orders: trackedFrom({ groupId: input.groupId, legs: input.legs }),
      hedges: [],
      pnl: {},
      detail: '',
    }),
    initial: 'start',
    on: { 'book.updated': { actions: 'consider' }, 'legs.plan': { actions: 'consider' } },
    states: {
      start: { always: [{ guard: 'hasPlan', target: 'planned' }, { target: 'idle' }] },
      idle: { always: { guard: 'hasCandidate', target: 'submitted', actions: ['adopt', 'submitLegs'] } },
      planned: { on: { 'legs.submit': { target: 'submitted', actions: 'submitLegs' } } },
      submitted: {
        entry: 'dropCandidate',
        on: { 'orders.denied': { actions: 'track' }, 'orders.updated': { actions: 'track' } },
        always: [
          { guard: 'allFilled', target: 'completed' },
          { guard: 'anyDead', target: 'resolving', actions: { type: 'note', params: { detail: 'a leg was denied, rejected or cancelled' } } },
        ],
        after: { deadline: { target: 'resolving', actions: { type: 'note', params: { detail: 'legs not filled by the deadline' } } } },
      },
      resolving: {
        entry: 'cancelWorking',
        on: { 'orders.denied': { actions: 'track' }, 'orders.updated': { actions: ['track', 'cancelWorking'] } },
        always: [
          { guard: 'allFilled', target: 'completed' },
          { guard: and(['legsSettled', 'nothingFilled']), target: 'aborted' },
          { guard: 'legsSettled', target: 'hedging' },
        ],
        after: { hedgeDeadline: [{ guard: 'nothingFilled', target: 'aborted' }, { target: 'hedging' }] },
      },
      hedging: {
        entry: 'submitHedges',
        on: { 'orders.denied': { actions: 'track' }, 'orders.updated': { actions: 'track' } },
        always: [
          { guard: 'hedgesFilled', target: 'hedged' },
          { guard: 'hedgesSettled', target: 'stuck' },
        ],
        after: { hedgeDeadline: 'stuck' },
      },
      completed: { entry: { type: 'report', params: { outcome: 'completed' } }, always: { guard: 'repeat', target: 'idle' } },
      aborted: { entry: { type: 'report', params: { outcome: 'aborted' } }, always: { guard: 'repeat', target: 'idle' } },
      hedged: { entry: { type: 'report', params: { outcome: 'hedged' } }, always: { guard: 'repeat', target: 'idle' } },
      stuck: { entry: { type: 'report', params: { outcome: 'stuck' } }, always: { guard: 'repeat', target: 'idle' } },
    },
  });
}

/** A single plan, given as input, started by legs.submit. */
export const legRiskMachine = createLegRiskMachine();
