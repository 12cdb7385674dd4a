import { enqueueActions, setup } from 'xstate';
import type { Message } from '../../runtime/messages.js';
import type { Approval } from '../approval.js';
import type { Denial } from '../messages.js';
import type { BudgetAnswer, BudgetRequest } from './types.js';
import { budgetRefusalDetail } from './veto.js';

declare module '../../runtime/messages.js' {
  interface MessageMap {
    /** The gate's reserve effect → the gate: the cluster budget's answer for one approval, or why Redis did not give one. */
    'budget.answered': { approval: Approval; answer?: BudgetAnswer; error?: string };
  }
}

type Event = Message<'orders.approved'> | Message<'orders.updated'> | Message<'budget.answered'>;
type Emitted =
  | { type: 'budget.reserve'; approval: Approval; request: BudgetRequest }
  | { type: 'budget.fill'; reservationId: string; fillId: string; symbol: string; side: 'buy' | 'sell'; amount: number; price: number }
  | { type: 'budget.release'; reservationId: string }
  | { type: 'orders.approved'; approvals: readonly Approval[]; to: string }
  | { type: 'orders.denied'; denials: readonly Denial[]; to: string }
  | { type: 'order.unplaced'; intentId: string; amount: number; reason: string; to: string };

const ENDED_UNFILLED = new Set(['cancelled', 'rejected', 'lost']);

/** What an approval asks of the cluster's budget: its intent id, market, side, and the approved amount at the intent's price. */
export function budgetRequest(a: Approval): BudgetRequest {
  const { intent } = a;
  return { reservationId: intent.intentId, symbol: intent.symbol, side: intent.side, kind: intent.kind === 'reduce' ? 'reduce' : 'open', notional: a.amount * intent.price, amount: a.amount };
}

/**
 * Between risk and execution when the node is part of a cluster: every approval risk minted is held against the
 * cluster's budget in Redis (an effect) before execution sees it. Refused: the strategy gets a GLOBAL_BUDGET denial
 * with the numbers and risk releases its local reservation. Redis not answering: orders that add exposure are
 * refused the same way (a node that cannot see the cluster's budget opens nothing), reduce orders and cancels go
 * through. Fills and unfilled ends of orders are reported to the budget as they happen. Stateless: a restart loses
 * nothing but answers in flight, whose approvals then never reach execution (risk's reservation expires with them).
 */
export const budgetGateMachine = setup({
  types: { events: {} as Event, emitted: {} as Emitted },
  actions: {
    reserve: enqueueActions(({ event, enqueue }) => {
      // Risk broadcasts its approvals; the ones addressed to execution are this gate's own, seen again by type.
      if (event.type !== 'orders.approved' || event.to !== undefined) return;
      const through = event.approvals.filter((a) => a.intent.kind === 'cancel');
      if (through.length > 0) enqueue.emit({ type: 'orders.approved', approvals: through, to: 'execution' });
      for (const approval of event.approvals) if (approval.intent.kind !== 'cancel') enqueue.emit({ type: 'budget.reserve', approval, request: budgetRequest(approval) });
    }),
    decide: enqueueActions(({ event, enqueue }) => {
      if (event.type !== 'budget.answered') return;
      const { approval, answer, error } = event;
      const { intent } = approval;
      if (answer?.ok || (!answer && intent.kind === 'reduce')) {
        enqueue.emit({ type: 'orders.approved', approvals: [approval], to: 'execution' });
        return;
      }
      const detail = answer && !answer.ok ? budgetRefusalDetail(budgetRequest(approval), answer) : `cluster budget unreachable (${error ?? 'no answer'}): no order may add exposure`;
      enqueue.emit({ type: 'orders.denied', denials: [{ intent, reason: 'GLOBAL_BUDGET', detail }], to: `strategy:${intent.strategy}` });
      enqueue.emit({ type: 'order.unplaced', intentId: intent.intentId, amount: approval.amount, reason: `GLOBAL_BUDGET: ${detail}`, to: 'risk' });
    }),
    report: enqueueActions(({ event, enqueue }) => {
      if (event.type !== 'orders.updated') return;
      for (const f of event.fills) enqueue.emit({ type: 'budget.fill', reservationId: f.intentId, fillId: f.fillId, symbol: f.symbol, side: f.side, amount: f.amount, price: f.price });
      for (const u of event.updates) if (ENDED_UNFILLED.has(u.status)) enqueue.emit({ type: 'budget.release', reservationId: u.intentId });
    }),
  },
}).createMachine({
  id: 'budget-gate',
  initial: 'open',
  states: {
    open: {
      on: {
        'orders.approved': { actions: 'reserve' },
        'budget.answered': { actions: 'decide' },
        'orders.updated': { actions: 'report' },
      },
    },
  },
});
