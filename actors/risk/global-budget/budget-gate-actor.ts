import type { ActorSpec } from '../../runtime/actor-spec.js';
import type { Approval } from '../approval.js';
import { budgetGateMachine } from './budget-gate.machine.js';
import type { GateLink } from './budget-link.js';
import type { GlobalBudget } from './global-budget.js';
import type { BudgetRequest } from './types.js';

/**
 * The gate actor (`budget`) over one node's GlobalBudget: its effects are the Redis calls. A failed reserve comes
 * back as an answer with the error (the machine decides what passes); a failed fill or release is logged, and the
 * journal covers it: the node's share is rebuilt from it when Redis is back. `link` (budget-link.ts) tells the gate
 * of losses and runs the rebuild; without one (tests, benches) the budget is taken as it is and the gate opens at once.
 */
export function budgetGateActor(budget: GlobalBudget, link?: GateLink): ActorSpec {
  // One per gate: a restarted gate replaces its own watcher, and gates of other families keep theirs.
  const key = {};
  return {
    name: 'budget',
    machine: budgetGateMachine,
    subscribe: ['orders.approved', 'orders.updated'],
    persist: false,
    effects: {
      'budget.watch': (_event, ctx) => {
        link?.watch(key, { lost: (epoch) => ctx.reply({ type: 'budget.lost', epoch }), back: (epoch) => ctx.reply({ type: 'budget.back', epoch }) });
      },
      // Not awaited: a gate waiting for Redis to come back must not keep its system from being quiescent (the stop).
      'budget.rebuild': (_event, ctx) => {
        if (!link) return ctx.reply({ type: 'budget.rebuilt', epoch: 0 });
        link.rebuilt().then(
          (epoch) => ctx.reply({ type: 'budget.rebuilt', epoch }),
          (err: unknown) => ctx.logger.warn({ err }, 'global budget: no rebuild; the gate stays closed to new exposure'),
        );
      },
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
          ctx.logger.warn({ reservationId, fillId, err }, 'global budget: fill not counted; the share is rebuilt from the journal when Redis is back');
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
