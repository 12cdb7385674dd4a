/**
 * nact 7.6.2 answers `stopChild`/`resetChild` for an actor's OWN fault with
 * `this.children.get(child.name)` where child is undefined: a TypeError in an async function
 * nobody awaits, which kills the process. Every onCrash we hand nact goes through this guard,
 * and a throwing policy becomes a stop instead of a crash (RELIABILITY R11).
 */
export interface NactSupervisionContext {
  stop: symbol;
  reset: symbol;
  resume: symbol;
  stopChild: symbol;
  resetChild: symbol;
  escalate: symbol;
  [action: string]: unknown;
}

export type NactOnCrash = (msg: unknown, error: unknown, ctx: NactSupervisionContext, child?: unknown) => unknown;

export function guardOnCrash(policy: NactOnCrash, onPolicyError: (error: unknown) => void = () => {}): NactOnCrash {
  return async (msg, error, ctx, child) => {
    let decision: unknown;
    try {
      decision = await policy(msg, error, ctx, child);
    } catch (policyError) {
      onPolicyError(policyError);
      return ctx.stop;
    }
    if (child === undefined && decision === ctx.stopChild) return ctx.stop;
    if (child === undefined && decision === ctx.resetChild) return ctx.reset;
    return decision;
  };
}
