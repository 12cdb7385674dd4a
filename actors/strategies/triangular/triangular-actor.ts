import type { ActorSpec } from '../../runtime/actor-spec.js';
import { createLegRiskMachine } from '../../../machines/leg-risk.machine.js';
import { inSession } from '../catalogue/in-session.js';
import { triangularPlanner, type TriangularPlannerOptions } from './triangular-planner.js';

export interface TriangularActorOptions extends TriangularPlannerOptions {
  deadlineMs: number;
  hedgeDeadlineMs: number;
  policy?: 'unwind' | 'complete' | 'auto';
  /** This run's id: part of every group id, so client order ids never repeat across runs on one journal. */
  session?: string;
}

/**
 * Triangular arbitrage on one venue: book updates feed the triangle graph; a profitable, executable
 * cycle becomes a leg-risk plan whose legs go to risk as intents. Orders, fills and vetoes come back
 * addressed to `strategy:<name>`. The graph lives in the planner, not the snapshot, so the actor is
 * not persisted: after a restart it rebuilds from the next books (an unfinished group is reconciled
 * by execution from the journal, never re-sent).
 */
export function triangularActor(o: TriangularActorOptions): ActorSpec {
  return {
    name: `strategy:${o.strategy}`,
    machine: createLegRiskMachine(inSession(triangularPlanner(o), o.session)),
    input: { strategy: o.strategy, groupId: '', legs: [], deadlineMs: o.deadlineMs, hedgeDeadlineMs: o.hedgeDeadlineMs, policy: o.policy ?? 'unwind', repeat: true },
    subscribe: ['book.updated'],
    persist: false,
  };
}
