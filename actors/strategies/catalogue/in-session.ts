import type { LegPlanner } from '../../../machines/leg-risk.machine.js';

/** Group ids carry the session, so a second run on the same journal never reuses a clientOrderId. */
export function inSession(planner: LegPlanner, session: string | undefined): LegPlanner {
  if (!session) return planner;
  return (book, seq) => {
    const plan = planner(book, seq);
    return plan && { ...plan, groupId: `${plan.groupId}@${session}` };
  };
}
