import { assign, enqueueActions, setup } from 'xstate';
import type { Message } from '../../runtime/messages.js';
import type { Approval } from '../approval.js';
import type { Denial } from '../messages.js';
import type { BudgetAnswer, BudgetRequest } from './types.js';
import { budgetRefusalDetail } from './veto.js';

declare module '../../runtime/messages.js' {
  interface MessageMap {
    /** The gate's reserve effect → the gate: the cluster budget's answer for one approval, or why Redis did not give one. */
    'budget.answered': { approval: Approval; answer?: BudgetAnswer; error?: string };
    /** The node's link → the gate: the Redis connection closed (the `epoch`-th loss since the node joined). */
    'budget.lost': { epoch: number };
    /** The node's link → the gate: Redis answers again after loss `epoch`; its budget is not trusted until rebuilt. */
    'budget.back': { epoch: number };
    /** The gate's rebuild effect → the gate: the node's share is rebuilt from its journal after loss `epoch` (0: at start). */
    'budget.rebuilt': { epoch: number };
  }
}

type Event =
  | Message<'orders.approved'>
  | Message<'orders.updated'>
  | Message<'budget.answered'>
  | Message<'budget.lost'>
  | Message<'budget.back'>
  | Message<'budget.rebuilt'>;
type Report =
  | { type: 'budget.fill'; reservationId: string; fillId: string; symbol: string; side: 'buy' | 'sell'; amount: number; price: number }
  | { type: 'budget.release'; reservationId: string };
type Emitted =
  | { type: 'budget.watch' }
  | { type: 'budget.rebuild' }
  | { type: 'budget.reserve'; approval: Approval; request: BudgetRequest }
  | Report
  | { type: 'orders.approved'; approvals: readonly Approval[]; to: string }
  | { type: 'orders.denied'; denials: readonly Denial[]; to: string }
  | { type: 'order.unplaced'; intentId: string; amount: number; reason: string; to: string };

interface Context {
  /** Losses of the Redis connection seen so far: a `budget.rebuilt` of an earlier one opens nothing. */
  epoch: number;
  /** Fills and ends reported while the share is rebuilt, sent once it is (a fill the rebuild counted then counts nothing). */
  deferred: Report[];
}

const ENDED_UNFILLED = new Set(['cancelled', 'rejected', 'lost']);

/** Why an order adding exposure is refused while the gate is closed, by state. */
const CLOSED_DETAIL = {
  redisDown: 'cluster budget lost (Redis not answering): no order may add exposure',
  rebuilding: "cluster budget being rebuilt from this node's journal: no order may add exposure until it is",
} as const;

/** What an approval asks of the cluster's budget: its intent id, market, side, and the approved amount at the intent's price. */
export function budgetRequest(a: Approval): BudgetRequest {
  const { intent } = a;
  return { reservationId: intent.intentId, symbol: intent.symbol, side: intent.side, kind: intent.kind === 'reduce' ? 'reduce' : 'open', notional: a.amount * intent.price, amount: a.amount };
}

function reports(event: Message<'orders.updated'>): Report[] {
  const out: Report[] = [];
  for (const f of event.fills) out.push({ type: 'budget.fill', reservationId: f.intentId, fillId: f.fillId, symbol: f.symbol, side: f.side, amount: f.amount, price: f.price });
  for (const u of event.updates) if (ENDED_UNFILLED.has(u.status)) out.push({ type: 'budget.release', reservationId: u.intentId });
  return out;
}

/**
 * Between risk and execution when the node is part of a cluster: every approval risk minted is held against the
 * cluster's budget in Redis (an effect) before execution sees it. Refused: the strategy gets a GLOBAL_BUDGET denial
 * with the numbers and risk releases its local reservation. Fills and unfilled ends of orders are reported to the
 * budget as they happen.
 *
 * Open only once the node's share is rebuilt from its journal (RELIABILITY R21): at start, and after every loss of
 * Redis (`rebuilding` → `open` → budget.lost → `redisDown` → budget.back → `rebuilding`; the rebuild is an effect, its
 * `budget.rebuilt` opens the gate). While closed, orders that add exposure are refused, reduce orders and cancels go
 * through, and an accepted reservation answered late is released rather than used. Reports are dropped while Redis is
 * down (the rebuild reads those fills from the journal) and held while rebuilding. In `open`, a reserve Redis did not
 * answer refuses the order the same way. A restart starts again at `rebuilding`.
 */
export const budgetGateMachine = setup({
  types: { context: {} as Context, events: {} as Event, emitted: {} as Emitted },
  actions: {
    watch: enqueueActions(({ enqueue }) => enqueue.emit({ type: 'budget.watch' })),
    rebuild: enqueueActions(({ enqueue }) => enqueue.emit({ type: 'budget.rebuild' })),
    reserve: enqueueActions(({ event, enqueue }) => {
      // Risk broadcasts its approvals; the ones addressed to execution are this gate's own, seen again by type.
      if (event.type !== 'orders.approved' || event.to !== undefined) return;
      const through = event.approvals.filter((a) => a.intent.kind === 'cancel');
      if (through.length > 0) enqueue.emit({ type: 'orders.approved', approvals: through, to: 'execution' });
      for (const approval of event.approvals) if (approval.intent.kind !== 'cancel') enqueue.emit({ type: 'budget.reserve', approval, request: budgetRequest(approval) });
    }),
    hold: enqueueActions(({ event, enqueue }, params: { state: keyof typeof CLOSED_DETAIL }) => {
      if (event.type !== 'orders.approved' || event.to !== undefined) return;
      const through = event.approvals.filter((a) => a.intent.kind !== 'open');
      if (through.length > 0) enqueue.emit({ type: 'orders.approved', approvals: through, to: 'execution' });
      for (const approval of event.approvals) {
        if (approval.intent.kind !== 'open') continue;
        const { intent } = approval;
        const detail = CLOSED_DETAIL[params.state];
        enqueue.emit({ type: 'orders.denied', denials: [{ intent, reason: 'GLOBAL_BUDGET', detail }], to: `strategy:${intent.strategy}` });
        enqueue.emit({ type: 'order.unplaced', intentId: intent.intentId, amount: approval.amount, reason: `GLOBAL_BUDGET: ${detail}`, to: 'risk' });
      }
    }),
    decide: enqueueActions(({ event, enqueue }, params: { closed?: keyof typeof CLOSED_DETAIL }) => {
      if (event.type !== 'budget.answered') return;
      const { approval, answer, error } = event;
      const { intent } = approval;
      const reduce = intent.kind === 'reduce';
      if ((answer?.ok && (reduce || !params.closed)) || (!answer && reduce)) {
        enqueue.emit({ type: 'orders.approved', approvals: [approval], to: 'execution' });
        return;
      }
      let detail: string;
      if (answer && !answer.ok) detail = budgetRefusalDetail(budgetRequest(approval), answer);
      else if (answer && params.closed) {
        // Held in a budget this node no longer trusts: give it back and refuse, as any order adding exposure now.
        enqueue.emit({ type: 'budget.release', reservationId: intent.intentId });
        detail = CLOSED_DETAIL[params.closed];
      } else detail = `cluster budget unreachable (${error ?? 'no answer'}): no order may add exposure`;
      enqueue.emit({ type: 'orders.denied', denials: [{ intent, reason: 'GLOBAL_BUDGET', detail }], to: `strategy:${intent.strategy}` });
      enqueue.emit({ type: 'order.unplaced', intentId: intent.intentId, amount: approval.amount, reason: `GLOBAL_BUDGET: ${detail}`, to: 'risk' });
    }),
    report: enqueueActions(({ event, enqueue }) => {
      if (event.type === 'orders.updated') for (const r of reports(event)) enqueue.emit(r);
    }),
    defer: assign({ deferred: ({ context, event }) => (event.type === 'orders.updated' ? [...context.deferred, ...reports(event)] : context.deferred) }),
    flush: enqueueActions(({ context, enqueue }) => {
      for (const r of context.deferred) enqueue.emit(r);
      enqueue.assign({ deferred: [] });
    }),
    lose: assign({ epoch: ({ context, event }) => (event.type === 'budget.lost' ? Math.max(context.epoch, event.epoch) : context.epoch), deferred: [] }),
  },
  guards: {
    current: ({ context, event }) => event.type === 'budget.rebuilt' && event.epoch >= context.epoch,
  },
}).createMachine({
  id: 'budget-gate',
  context: { epoch: 0, deferred: [] },
  entry: 'watch',
  initial: 'rebuilding',
  on: {
    'budget.lost': { target: '.redisDown', actions: 'lose' },
  },
  states: {
    redisDown: {
      on: {
        'orders.approved': { actions: { type: 'hold', params: { state: 'redisDown' } } },
        'budget.answered': { actions: { type: 'decide', params: { closed: 'redisDown' } } },
        'budget.back': { target: 'rebuilding' },
      },
    },
    rebuilding: {
      entry: 'rebuild',
      on: {
        'orders.approved': { actions: { type: 'hold', params: { state: 'rebuilding' } } },
        'budget.answered': { actions: { type: 'decide', params: { closed: 'rebuilding' } } },
        'orders.updated': { actions: 'defer' },
        'budget.rebuilt': { guard: 'current', target: 'open', actions: 'flush' },
      },
    },
    open: {
      on: {
        'orders.approved': { actions: 'reserve' },
        'budget.answered': { actions: { type: 'decide', params: {} } },
        'orders.updated': { actions: 'report' },
      },
    },
  },
});
