import type { ActorSpec } from '../../runtime/actor-spec.js';
import type { Approval } from '../approval.js';
import { budgetGateMachine } from './budget-gate.machine.js';
import type { GlobalBudget } from './global-budget.js';
import type { BudgetRequest } from './types.js';

/**
 * The gate actor (`budget`) over one node's GlobalBudget: its effects are the Redis calls. A failed reserve comes
 * back as an answer with the error (the machine decides what passes); a failed fill or release is logged, and the
 * budget is rebuilt from the journal (GlobalBudget.rebuild) when Redis is back.
 */
export function budgetGateActor(budget: GlobalBudget): ActorSpec {
  return {
    name: 'budget',
    machine: budgetGateMachine,
    subscribe: ['orders.approved', 'orders.updated'],
    persist: false,
    effects: {
      'budget.reserve': async (event, ctx) => {
        const approval = event.approval as Approval;
        try {
          ctx.reply({ type: 'budget.answered', approval, answer: await budget.reserve(event.request as BudgetRequest) });
        } catch (err) {
          ctx.reply({ type: 'budget.answered', approval, error: (err as Error).message });
        }
      },
      'budget.fill': async (event, ctx) => {
        const { reservationId, fillId, symbol, side, amount, price } = event as unknown as { reservationId: string; fillId: string; symbol: string; side: 'buy' | 'sell'; amount: number; price: number };
        try {
          await budget.fill(reservationId, { fillId, symbol, side, amount, price });
        } catch (err) {
          ctx.logger.warn({ reservationId, fillId, err }, 'global budget: fill not counted; the budget is rebuilt from the journal when Redis is back');
        }
      },
      'budget.release': async (event, ctx) => {
        try {
          await budget.release(event.reservationId as string);
        } catch (err) {
          ctx.logger.warn({ reservationId: event.reservationId, err }, 'global budget: release failed; the reservation expires on its own');
        }
      },
    },
  };
}
