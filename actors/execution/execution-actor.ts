import { executionMachine, type ExecutionInput, type Submission } from '../../machines/execution.machine.js';
import type { ActorSpec, EffectContext } from '../runtime/actor-spec.js';
import { OrderRejectedError } from '../runtime/errors.js';
import type { OrderIntent } from '../risk/intent.js';
import type { Venue, VenueOrderRequest } from '../venues/venue.js';
import type { Store } from '../ledger/storage/store.js';

export interface ExecutionActorOptions {
  venues: Record<string, Venue>;
  input: ExecutionInput;
  /** The order journal. Without it (benchmarks, pure tests) nothing is persisted. */
  store?: Store;
}

type OrderEffect = { type: string; venue: string; clientOrderId: string; symbol: string };

/**
 * The execution actor: its machine decides, these effects talk to venues. Each intent and its order row
 * commit to SQLite before the venue is called (R2): all the orders of one transition (a decision's
 * approvals) in one transaction, then their venue calls. A create that times out or gets a 5xx is UNKNOWN
 * and is resolved by querying the same clientOrderId, never re-posted under a new one (R3).
 */
export function executionActor(options: ExecutionActorOptions): ActorSpec {
  const venueOf = (id: string): Venue => {
    const venue = options.venues[id];
    if (!venue) throw new Error(`execution has no venue ${id}`);
    return venue;
  };
  return {
    name: 'execution',
    machine: executionMachine,
    input: options.input,
    subscribe: ['orders.approved', 'orders.cancelAll', 'book.updated'],
    effects: {
      'venue.submits': async (event, ctx) => {
        const { submits } = event as unknown as { submits: Submission[] };
        const { store } = options;
        if (store) {
          const ts = ctx.clock.now();
          store.orders.transaction(() => {
            for (const { venue, request, intent } of submits) journalSubmission(store, venue, request, intent, ts);
          });
        }
        // Sent together, as separate effects would be; each answer comes back on its own.
        await Promise.all(submits.map(async ({ venue, request }) => {
          try {
            const order = await venueOf(venue).createOrder(request);
            ctx.reply({ type: 'venue.accepted', clientOrderId: request.clientOrderId, order });
          } catch (error) {
            replyToFailure(ctx, request.clientOrderId, error);
          }
        }));
      },
      'venue.query': async (event, ctx) => {
        const { venue, clientOrderId, symbol } = event as unknown as OrderEffect;
        try {
          const order = await venueOf(venue).fetchOrderByClientId(clientOrderId, symbol);
          ctx.reply({ type: 'venue.queried', clientOrderId, order: order ?? null });
        } catch (error) {
          ctx.reply({ type: 'venue.unavailable', clientOrderId, error: String(error) });
        }
      },
      'venue.cancel': async (event, ctx) => {
        const { venue, clientOrderId, symbol } = event as unknown as OrderEffect;
        try {
          const order = await venueOf(venue).cancelOrder(clientOrderId, symbol);
          ctx.reply({ type: 'venue.cancelled', clientOrderId, order });
        } catch {
          // The cancel failed (already filled, unknown, venue down): ask the venue what the order is now.
          ctx.reply({ type: 'order.query', clientOrderId });
        }
      },
    },
  };
}

/**
 * The commit that must precede the venue call: a first submit journals the intent with its order row;
 * a resubmit finds its row (it is never sent without one).
 */
function journalSubmission(store: Store, venue: string, request: VenueOrderRequest, intent: OrderIntent | undefined, ts: number): void {
  const { clientOrderId } = request;
  if (intent) {
    store.orders.recordSubmission(intent, {
      clientOrderId, intentId: intent.intentId, strategy: intent.strategy, venue, symbol: request.symbol, side: request.side,
      status: 'submitted', filled: 0, amount: request.amount, price: request.price, ts,
    });
    return;
  }
  const journaled = store.orders.order(clientOrderId);
  if (!journaled) throw new Error(`resubmit of ${clientOrderId}: the journal holds no such order, so it is not sent`);
  store.orders.updateOrder({ ...journaled, status: 'submitted', ts });
}

/** A refusal is final; anything else on create means the outcome is unknown. */
function replyToFailure(ctx: EffectContext, clientOrderId: string, error: unknown): void {
  if (error instanceof OrderRejectedError) ctx.reply({ type: 'venue.rejected', clientOrderId, reason: error.shortMessage });
  else ctx.reply({ type: 'venue.unavailable', clientOrderId, error: String(error) });
}
