import { assign, enqueueActions, setup } from 'xstate';
import type { Message } from '../actors/runtime/messages.js';
import type { Outgoing } from '../actors/runtime/actor-spec.js';
import type { OrderIntent } from '../actors/risk/intent.js';
import { isGenuineApproval, type Approval } from '../actors/risk/approval.js';
import type { OrderBook } from '../actors/market-data/types.js';
import type { NotFoundPolicy, OrderEvent } from './order.machine.js';
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

/** Submits carry the intent so the host can journal it before calling the venue. */
export type ExecutionEmitted = Outgoing | { type: 'venue.submit'; venue: string; request: unknown; intent: OrderIntent };

/** Order updates and fills also go to the strategy that placed the order (ledger and risk subscribe). */
function addressed(e: ExecutionEmitted, strategy: string): ExecutionEmitted {
  return e.type === 'order.updated' || e.type === 'fill.received' ? Object.assign({}, e, { to: `strategy:${strategy}` }) : e;
}

function advance(
  clientOrderId: string,
  event: OrderEvent,
  orders: Record<string, OrderState>,
  out: ExecutionEmitted[],
  intent?: OrderIntent,
): void {
  const current = orders[clientOrderId];
  if (!current) return;
  const step = stepOrder(current, event);
  const strategy = current.context.strategy;
  for (const e of step.emitted) out.push(e.type === 'venue.submit' && intent ? Object.assign({}, e, { intent }) : addressed(e as ExecutionEmitted, strategy));
  // A finished order leaves the context: late venue events for it find nothing and are ignored.
  if (step.state.done) delete orders[clientOrderId];
  else orders[clientOrderId] = step.state;
}

/**
 * Turns risk approvals into orders on venues. Only genuine approvals (minted by the risk actor) pass.
 * Each order is an order.machine state inside this machine's context, stepped purely; the host runs
 * the emitted venue effects (journal first, then the venue).
 */
export const executionMachine = setup({
  types: { context: {} as ExecutionContext, events: {} as Message, input: {} as ExecutionInput, emitted: {} as ExecutionEmitted },
  actions: {
    execute: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'order.approved') return;
      const approval: Approval = event.approval;
      if (!isGenuineApproval(approval)) {
        enqueue.assign({ refused: context.refused + 1 });
        enqueue.emit({ type: 'execution.refused', detail: 'not an approval minted by the risk actor: refused' });
        return;
      }
      // On-chain cycles are sent by the chain strategy/venue actor that proposed them (it holds the signed,
      // simulated bundle and re-sizes it to the approved amount); an approval for a `chain:` venue is its
      // to act on, not an order for an exchange, so execution leaves it alone and reports nothing.
      if (approval.intent.venue.startsWith(CHAIN_VENUE_PREFIX)) return;
      const orders = { ...context.orders };
      const out: ExecutionEmitted[] = [];
      const { intent } = approval;
      if (intent.kind === 'cancel') {
        const target = intent.cancelClientOrderId ?? '';
        if (orders[target]) advance(target, { type: 'order.cancel', clientOrderId: target, reason: `cancel intent ${intent.intentId}` }, orders, out);
      } else {
        const plan = planChildren(approval, context);
        if (plan.children.length === 0) out.push({ type: 'execution.refused', detail: plan.detail, intentId: intent.intentId });
        if (plan.unplaced > 0) out.push({ type: 'order.unplaced', intentId: intent.intentId, amount: plan.unplaced, reason: plan.detail });
        for (const child of plan.children) {
          const { state, emitted } = startOrder({
            venue: child.venue,
            intentId: intent.intentId,
            strategy: intent.strategy,
            request: child.request,
            onNotFound: context.venues[child.venue]?.onNotFound,
          });
          out.push(...emitted.map((e) => addressed(e as ExecutionEmitted, intent.strategy)));
          orders[child.request.clientOrderId] = state;
          advance(child.request.clientOrderId, { type: 'order.submit', clientOrderId: child.request.clientOrderId }, orders, out, intent);
        }
      }
      enqueue.assign({ orders });
      for (const e of out) enqueue.emit(e as Outgoing);
    }),
    forward: enqueueActions(({ context, event, enqueue }) => {
      const clientOrderId = (event as { clientOrderId?: string }).clientOrderId;
      if (!clientOrderId || !context.orders[clientOrderId]) return;
      const orders = { ...context.orders };
      const out: ExecutionEmitted[] = [];
      advance(clientOrderId, event as unknown as OrderEvent, orders, out);
      enqueue.assign({ orders });
      for (const e of out) enqueue.emit(e as Outgoing);
    }),
    cancelAll: enqueueActions(({ context, enqueue }) => {
      const orders = { ...context.orders };
      const out: ExecutionEmitted[] = [];
      for (const clientOrderId of Object.keys(context.orders)) {
        advance(clientOrderId, { type: 'order.cancel', clientOrderId, reason: 'cancel-all' }, orders, out);
      }
      enqueue.assign({ orders });
      for (const e of out) enqueue.emit(e as Outgoing);
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
        'order.approved': { actions: 'execute' },
        'orders.cancelAll': { actions: 'cancelAll' },
        'book.updated': { actions: 'keepBook' },
        ...Object.fromEntries(VENUE_EVENTS.map((type) => [type, { actions: 'forward' as const }])),
      },
    },
  },
});
