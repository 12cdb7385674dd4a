import { assign, emit, enqueueActions, setup } from 'xstate';
import type { Fill, OrderStatus, OrderUpdate } from '../actors/ledger/types.js';
import type { VenueOrder, VenueOrderRequest } from '../actors/venues/venue.js';

/** A fill as a venue reports it (the order machine adds intentId and strategy). */
export type VenueFill = Omit<Fill, 'intentId' | 'strategy'>;

declare module '../actors/runtime/messages.js' {
  interface MessageMap {
    /** Host → order: the intent and clientOrderId are journaled; send it now. */
    'order.submit': { clientOrderId: string };
    /** Strategy/risk → order: withdraw it. */
    'order.cancel': { clientOrderId: string; reason?: string };
    /** Reconciliation → order: query the venue again (resets the query attempts). */
    'order.query': { clientOrderId: string };
    'venue.accepted': { clientOrderId: string; order: VenueOrder };
    'venue.rejected': { clientOrderId: string; reason: string };
    /** Timeout, 5xx or a dropped connection: the outcome is UNKNOWN. */
    'venue.unavailable': { clientOrderId: string; error: string };
    /** Answer to venue.query; `order: null` means the venue has never seen this clientOrderId. */
    'venue.queried': { clientOrderId: string; order: VenueOrder | null };
    'venue.fill': { clientOrderId: string; fill: VenueFill };
    /** Answer to venue.cancel: the order as the venue left it. */
    'venue.cancelled': { clientOrderId: string; order: VenueOrder };
  }
}

type Ev<T extends string, B> = { type: T; ts?: number } & B;
export type OrderEvent =
  | Ev<'order.submit', { clientOrderId: string }>
  | Ev<'order.cancel', { clientOrderId: string; reason?: string }>
  | Ev<'order.query', { clientOrderId: string }>
  | Ev<'venue.accepted', { clientOrderId: string; order: VenueOrder }>
  | Ev<'venue.rejected', { clientOrderId: string; reason: string }>
  | Ev<'venue.unavailable', { clientOrderId: string; error: string }>
  | Ev<'venue.queried', { clientOrderId: string; order: VenueOrder | null }>
  | Ev<'venue.fill', { clientOrderId: string; fill: VenueFill }>
  | Ev<'venue.cancelled', { clientOrderId: string; order: VenueOrder }>;

/** Effects for the host (I/O) and messages for the system. */
export type OrderEmitted =
  | { type: 'venue.submit'; venue: string; request: VenueOrderRequest }
  | { type: 'venue.query'; venue: string; clientOrderId: string; symbol: string }
  | { type: 'venue.cancel'; venue: string; clientOrderId: string; symbol: string }
  | { type: 'order.updated'; order: OrderUpdate }
  | { type: 'fill.received'; fill: Fill };

/**
 * What to do when the venue answers a query with "never seen this clientOrderId":
 * - 'reject' (default): the order was never placed; it ends rejected and nothing is re-sent.
 *   At most one create per clientOrderId ever leaves us, so no duplicate is possible; should the
 *   order surface later, reconciliation by clientOrderId finds it (R1).
 * - 'resubmit': send it again under the SAME clientOrderId (venues that dedupe ids, e.g. paper).
 */
export type NotFoundPolicy = 'reject' | 'resubmit';

export interface OrderInput {
  venue: string;
  intentId: string;
  strategy: string;
  request: VenueOrderRequest;
  onNotFound?: NotFoundPolicy;
  /** Queries tried while UNKNOWN before waiting for an explicit order.query. Default 5. */
  maxQueryAttempts?: number;
}

export interface OrderContext {
  venue: string;
  intentId: string;
  strategy: string;
  request: VenueOrderRequest;
  onNotFound: NotFoundPolicy;
  maxQueryAttempts: number;
  queryAttempts: number;
  filled: number;
  fillIds: string[];
  /** Status the venue last reported, to route the next state. */
  venueStatus?: VenueOrder['status'];
  venueOrderId?: string;
  detail?: string;
}

const EPS = 1e-12;

function update(ctx: OrderContext, status: OrderStatus): { type: 'order.updated'; order: OrderUpdate } {
  const { request } = ctx;
  const order: OrderUpdate = {
    clientOrderId: request.clientOrderId, intentId: ctx.intentId, strategy: ctx.strategy, venue: ctx.venue,
    symbol: request.symbol, side: request.side, status, filled: ctx.filled, amount: request.amount,
  };
  if (ctx.detail !== undefined) order.detail = ctx.detail;
  return { type: 'order.updated', order };
}

const isFull = (ctx: OrderContext): boolean => ctx.filled >= ctx.request.amount - EPS;

export const orderMachine = setup({
  types: {
    context: {} as OrderContext,
    events: {} as OrderEvent,
    emitted: {} as OrderEmitted,
    input: {} as OrderInput,
  },
  guards: {
    venueRejected: ({ context }) => context.venueStatus === 'rejected',
    fullyFilled: ({ context }) => isFull(context),
    venueCanceled: ({ context }) => context.venueStatus === 'canceled' || context.venueStatus === 'closed',
    partlyFilled: ({ context }) => context.filled > EPS,
    venueOpen: ({ context }) => context.venueStatus === 'open',
    resubmitWhenNotFound: ({ context, event }) =>
      event.type === 'venue.queried' && event.order === null && context.onNotFound === 'resubmit',
    found: ({ event }) => event.type === 'venue.queried' && event.order !== null,
    notFound: ({ event }) => event.type === 'venue.queried' && event.order === null,
    mayQueryAgain: ({ context }) => context.queryAttempts < context.maxQueryAttempts,
  },
  actions: {
    /** Take in what the venue says about the order and any fills not seen before (by fillId). */
    absorb: enqueueActions(({ context, event, enqueue }) => {
      let order: VenueOrder | null | undefined;
      let fills: VenueFill[] = [];
      if (event.type === 'venue.fill') fills = [event.fill];
      else if (event.type === 'venue.accepted' || event.type === 'venue.cancelled' || event.type === 'venue.queried') {
        order = event.order;
        fills = order?.fills ?? [];
      }
      const fresh = fills.filter((f, i) => !context.fillIds.includes(f.fillId) && fills.findIndex((g) => g.fillId === f.fillId) === i);
      let filled = context.filled;
      for (const f of fresh) filled += f.amount;
      if (order) filled = Math.max(filled, order.filled);
      const next: Partial<OrderContext> = { filled, fillIds: [...context.fillIds, ...fresh.map((f) => f.fillId)] };
      if (order) {
        next.venueStatus = order.status;
        if (order.venueOrderId !== undefined) next.venueOrderId = order.venueOrderId;
      }
      enqueue.assign(next);
      for (const f of fresh) enqueue.emit({ type: 'fill.received', fill: { ...f, intentId: context.intentId, strategy: context.strategy } });
    }),
    emitSubmit: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ venueStatus: undefined, queryAttempts: 0 });
      enqueue.emit({ type: 'venue.submit', venue: context.venue, request: context.request });
    }),
    emitQuery: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ venueStatus: undefined, queryAttempts: context.queryAttempts + 1 });
      enqueue.emit({ type: 'venue.query', venue: context.venue, clientOrderId: context.request.clientOrderId, symbol: context.request.symbol });
    }),
    resetQueries: assign({ queryAttempts: 0 }),
    emitCancel: emit(({ context }) => ({ type: 'venue.cancel' as const, venue: context.venue, clientOrderId: context.request.clientOrderId, symbol: context.request.symbol })),
    noteDetail: assign({
      detail: ({ event }) => {
        switch (event.type) {
          case 'venue.rejected': return event.reason;
          case 'venue.unavailable': return `outcome unknown: ${event.error}`;
          case 'venue.queried': return event.order === null ? 'venue has no order with this clientOrderId: never placed' : undefined;
          case 'order.cancel': return event.reason ?? 'cancelled before submit';
          default: return undefined;
        }
      },
    }),
    noteUnresolved: assign({ detail: ({ context }) => `still unknown after ${context.queryAttempts} queries; waiting for order.query` }),
    announce: emit(({ context }, params: { status: OrderStatus }) => update(context, params.status)),
  },
}).createMachine({
  id: 'order',
  context: ({ input }) => ({
    venue: input.venue,
    intentId: input.intentId,
    strategy: input.strategy,
    request: input.request,
    onNotFound: input.onNotFound ?? 'reject',
    maxQueryAttempts: input.maxQueryAttempts ?? 5,
    queryAttempts: 0,
    filled: 0,
    fillIds: [],
  }),
  initial: 'approved',
  states: {
    approved: {
      entry: { type: 'announce', params: { status: 'approved' } },
      on: {
        // The only way to 'submitted' from 'approved': restoring a snapshot never re-sends.
        'order.submit': { target: 'submitted', actions: 'emitSubmit' },
        'order.cancel': { target: 'cancelled', actions: 'noteDetail' },
      },
    },
    submitted: {
      entry: { type: 'announce', params: { status: 'submitted' } },
      always: [
        { guard: 'venueRejected', target: 'rejected' },
        { guard: 'fullyFilled', target: 'filled' },
        { guard: 'venueCanceled', target: 'cancelled' },
        { guard: 'partlyFilled', target: 'partially_filled' },
      ],
      on: {
        'venue.accepted': { actions: 'absorb' },
        'venue.fill': { actions: 'absorb' },
        'venue.cancelled': { actions: 'absorb' },
        'venue.queried': { guard: 'found', actions: 'absorb' },
        'venue.rejected': { target: 'rejected', actions: 'noteDetail' },
        'venue.unavailable': { target: 'unknown', actions: ['noteDetail', 'emitQuery'] },
        'order.cancel': { actions: 'emitCancel' },
        // A cancel that failed (filled meanwhile, venue down): ask what became of the order.
        'order.query': { actions: 'emitQuery' },
      },
    },
    partially_filled: {
      entry: { type: 'announce', params: { status: 'partially_filled' } },
      always: [
        { guard: 'fullyFilled', target: 'filled' },
        { guard: 'venueCanceled', target: 'cancelled' },
      ],
      on: {
        'venue.accepted': { actions: 'absorb' },
        'venue.fill': { actions: ['absorb', { type: 'announce', params: { status: 'partially_filled' } }] },
        'venue.cancelled': { actions: 'absorb' },
        'venue.queried': { guard: 'found', actions: 'absorb' },
        'order.cancel': { actions: 'emitCancel' },
        'order.query': { actions: 'emitQuery' },
      },
    },
    unknown: {
      entry: { type: 'announce', params: { status: 'unknown' } },
      always: [
        { guard: 'venueRejected', target: 'rejected' },
        { guard: 'fullyFilled', target: 'filled' },
        { guard: 'venueCanceled', target: 'cancelled' },
        { guard: 'partlyFilled', target: 'partially_filled' },
        { guard: 'venueOpen', target: 'submitted' },
      ],
      on: {
        'venue.queried': [
          { guard: 'resubmitWhenNotFound', target: 'submitted', actions: 'emitSubmit' },
          { guard: 'notFound', target: 'rejected', actions: 'noteDetail' },
          { actions: 'absorb' },
        ],
        'venue.unavailable': [
          { guard: 'mayQueryAgain', actions: 'emitQuery' },
          { actions: ['noteUnresolved', { type: 'announce', params: { status: 'unknown' } }] },
        ],
        'order.query': { actions: ['resetQueries', 'emitQuery'] },
        // A late answer to the create, or a fill, settles the question too.
        'venue.accepted': { actions: 'absorb' },
        'venue.fill': { actions: 'absorb' },
        'venue.cancelled': { actions: 'absorb' },
        'order.cancel': { actions: 'emitCancel' },
      },
    },
    filled: { type: 'final', entry: { type: 'announce', params: { status: 'filled' } } },
    cancelled: { type: 'final', entry: { type: 'announce', params: { status: 'cancelled' } } },
    rejected: { type: 'final', entry: { type: 'announce', params: { status: 'rejected' } } },
  },
});
