import type { ActorSpec } from '../../runtime/actor-spec.js';
import { createLegRiskMachine } from '../../../machines/leg-risk.machine.js';
import { inSession } from '../catalogue/in-session.js';
import { crossPlanner, type CrossPlannerOptions } from './cross-planner.js';

export interface CrossExchangeActorOptions extends CrossPlannerOptions {
  deadlineMs: number;
  hedgeDeadlineMs: number;
  policy?: 'unwind' | 'complete' | 'auto';
  /** This run's id: part of every group id, so client order ids never repeat across runs on one journal. */
  session?: string;
}

/** Cross-exchange arbitrage of one pair over pre-funded venues; both legs go to risk, leg risk is handled by the machine. */
export function crossExchangeActor(o: CrossExchangeActorOptions): ActorSpec {
  return {
    name: `strategy:${o.strategy}`,
    machine: createLegRiskMachine(inSession(crossPlanner(o), o.session)),
    input: { strategy: o.strategy, groupId: '', legs: [], deadlineMs: o.deadlineMs, hedgeDeadlineMs: o.hedgeDeadlineMs, policy: o.policy ?? 'unwind', repeat: true },
    subscribe: ['book.updated'],
    persist: false,
  };
}
