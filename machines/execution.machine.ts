import { assign, enqueueActions, setup } from 'xstate';
import type { Message } from '../actors/runtime/messages.js';
import type { Outgoing } from '../actors/runtime/actor-spec.js';
import type { OrderIntent } from '../actors/risk/intent.js';
import type { VenueOrderRequest } from '../actors/venues/venue.js';
import { isGenuineApproval, type Approval } from '../actors/risk/approval.js';
import type { OrderBook } from '../actors/market-data/types.js';
import type { NotFoundPolicy, OrderEmitted, OrderEvent } from './order.machine.js';
import type { Fill, OrderUpdate } from '../actors/ledger/types.js';
import { startOrder, stepOrder, type OrderState } from '../actors/execution/order-steps.js';
import { planChildren } from '../actors/execution/plan-children.js';

declare module '../actors/runtime/messages.js' {
  interface MessageMap {
    /** Execution refused something that was not a genuine risk approval, or named no order it knows. */
    'execution.refused': { detail: string; intentId?: string };
  }
}

export interface ExecutionInput {
  /** Venue ids execution may route to, with their taker fees. */
  venues: Record<string, { taker: number; onNotFound?: NotFoundPolicy }>;
  /** Child orders take at most this fraction of visible liquidity. */
  maxLiquidityFraction: number;
}

export interface ExecutionContext extends ExecutionInput {
  orders: Record<string, OrderState>;
  books: Record<string, OrderBook>;
  refused: number;
}

/** Venue ids of on-chain venues, whose approvals the chain actor executes itself. */
export const CHAIN_VENUE_PREFIX = 'chain:';
const VENUE_EVENTS = ['venue.accepted', 'venue.rejected', 'venue.unavailable', 'venue.queried', 'venue.fill', 'venue.cancelled', 'order.query'] as const;

/** One order to send; a first submit carries its intent so the host can journal it before calling the venue. */
export interface Submission {
  venue: string;
  request: VenueOrderRequest;
  /** Absent when an order is sent again under its clientOrderId (onNotFound: 'resubmit'). */
  intent?: OrderIntent;
}

/**
 * Every order one transition sends, as one effect: the host commits all their journal rows in one transaction
 * before the first venue call (one fsync per decision, not per order).
 */
export type ExecutionEmitted =
  | Outgoing
  | { type: 'venue.submits'; submits: Submission[] }
  | Extract<OrderEmitted, { type: 'venue.query' | 'venue.cancel' }>;

/**
 * What one transition sends: venue effects and notices in the order the orders stepped, and each strategy's
 * order updates and fills gathered into one `orders.updated` addressed to it (risk and the ledger subscribe).
 */
class Outbox {
  readonly out: ExecutionEmitted[] = [];
  private readonly submits: Submission[] = [];
  private readonly reports = new Map<string, { updates: OrderUpdate[]; fills: Fill[] }>();

  push(e: ExecutionEmitted): void {
    this.out.push(e);
  }

  take(e: OrderEmitted, strategy: string, intent?: OrderIntent): void {
    if (e.type === 'order.updated' || e.type === 'fill.received') {
      let report = this.reports.get(strategy);
      if (!report) this.reports.set(strategy, (report = { updates: [], fills: [] }));
      if (e.type === 'order.updated') report.updates.push(e.order);
      else report.fills.push(e.fill);
      return;
    }
    if (e.type === 'venue.submit') this.submits.push(intent ? { venue: e.venue, request: e.request, intent } : { venue: e.venue, request: e.request });
    else this.out.push(e);
  }

  /** Everything to emit: the other effects and notices in order, then the submissions, then one report per strategy. */
  drain(): ExecutionEmitted[] {
    if (this.submits.length > 0) this.out.push({ type: 'venue.submits', submits: this.submits });
    for (const [strategy, { updates, fills }] of this.reports) this.out.push({ type: 'orders.updated', updates, fills, to: `strategy:${strategy}` });
    return this.out;
  }
}

function advance(clientOrderId: string, event: OrderEvent, orders: Record<string, OrderState>, box: Outbox, intent?: OrderIntent): void {
  const current = orders[clientOrderId];
  if (!current) return;
  const step = stepOrder(current, event);
  const strategy = current.context.strategy;
  for (const e of step.emitted) box.take(e, strategy, intent);
  // A finished order leaves the context: late venue events for it find nothing and are ignored.
  if (step.state.done) delete orders[clientOrderId];
  else orders[clientOrderId] = step.state;
}

/** One approval: refused unless risk minted it; a cancel steps its order; anything else is planned into child orders. */
function execute(approval: Approval, context: ExecutionContext, orders: Record<string, OrderState>, box: Outbox): boolean {
  if (!isGenuineApproval(approval)) {
    box.push({ type: 'execution.refused', detail: 'not an approval minted by the risk actor: refused' });
    return false;
  }
  // On-chain cycles are sent by the chain strategy/venue actor that proposed them (it holds the signed,
  // simulated bundle and re-sizes it to the approved amount); an approval for a `chain:` venue is its
  // to act on, not an order for an exchange, so execution leaves it alone and reports nothing.
  if (approval.intent.venue.startsWith(CHAIN_VENUE_PREFIX)) return true;
  const { intent } = approval;
  if (intent.kind === 'cancel') {
    const target = intent.cancelClientOrderId ?? '';
    if (orders[target]) advance(target, { type: 'order.cancel', clientOrderId: target, reason: `cancel intent ${intent.intentId}` }, orders, box);
    return true;
  }
  const plan = planChildren(approval, context);
  if (plan.children.length === 0) box.push({ type: 'execution.refused', detail: plan.detail, intentId: intent.intentId });
  if (plan.unplaced > 0) box.push({ type: 'order.unplaced', intentId: intent.intentId, amount: plan.unplaced, reason: plan.detail });
  for (const child of plan.children) {
    const { state, emitted } = startOrder({
      venue: child.venue,
      intentId: intent.intentId,
      strategy: intent.strategy,
      request: child.request,
      onNotFound: context.venues[child.venue]?.onNotFound,
    });
    for (const e of emitted) box.take(e, intent.strategy);
    orders[child.request.clientOrderId] = state;
    advance(child.request.clientOrderId, { type: 'order.submit', clientOrderId: child.request.clientOrderId }, orders, box, intent);
  }
  return true;
}

/**
 * Turns risk approvals into orders on venues. Only genuine approvals (minted by the risk actor) pass.
 * Each order is an order.machine state inside this machine's context, stepped purely; the host runs
 * the emitted venue effects (journal first, then the venue).
 */
export const executionMachine = setup({
  types: { context: {} as ExecutionContext, events: {} as Message, input: {} as ExecutionInput, emitted: {} as ExecutionEmitted },
  actions: {
    /** A decision's approvals in one transition. */
    execute: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'orders.approved') return;
      const orders = { ...context.orders };
      const box = new Outbox();
      let refused = 0;
      for (const approval of event.approvals) if (!execute(approval, context, orders, box)) refused += 1;
      enqueue.assign(refused > 0 ? { orders, refused: context.refused + refused } : { orders });
      for (const e of box.drain()) enqueue.emit(e as Outgoing);
    }),
    forward: enqueueActions(({ context, event, enqueue }) => {
      const clientOrderId = (event as { clientOrderId?: string }).clientOrderId;
      if (!clientOrderId || !context.orders[clientOrderId]) return;
      const orders = { ...context.orders };
      const box = new Outbox();
      advance(clientOrderId, event as unknown as OrderEvent, orders, box);
      enqueue.assign({ orders });
      for (const e of box.drain()) enqueue.emit(e as Outgoing);
    }),
    cancelAll: enqueueActions(({ context, enqueue }) => {
      const orders = { ...context.orders };
      const box = new Outbox();
      for (const clientOrderId of Object.keys(context.orders)) {
        advance(clientOrderId, { type: 'order.cancel', clientOrderId, reason: 'cancel-all' }, orders, box);
      }
      enqueue.assign({ orders });
      for (const e of box.drain()) enqueue.emit(e as Outgoing);
    }),
    keepBook: assign({
      books: ({ context, event }) =>
        event.type === 'book.updated' ? { ...context.books, [`${event.book.venue}:${event.book.symbol}`]: event.book } : context.books,
    }),
  },
}).createMachine({
  id: 'execution',
  context: ({ input }) => ({ ...input, orders: {}, books: {}, refused: 0 }),
  initial: 'running',
  states: {
    running: {
      on: {
        'orders.approved': { actions: 'execute' },
        'orders.cancelAll': { actions: 'cancelAll' },
        'book.updated': { actions: 'keepBook' },
        ...Object.fromEntries(VENUE_EVENTS.map((type) => [type, { actions: 'forward' as const }])),
      },
    },
  },
});
