/** Supervision as data (after nautilus' component FSM and Erlang/OTP): what restarts what, how often, how fast. */
export type RestartStrategy = 'one_for_one' | 'one_for_all' | 'rest_for_one';

export interface BackoffPolicy {
  minMs: number;
  maxMs: number;
  /** 0 = no jitter, 1 = delay anywhere in [0, base]. */
  jitter: number;
}

export type FaultAction = 'restart' | 'resume' | 'stop' | 'escalate';

export interface FaultRule {
  /** Error class the rule matches (instanceof), or a predicate. */
  match: (new (...args: never[]) => Error) | ((error: unknown) => boolean);
  action: FaultAction;
}

export interface SupervisionPolicy {
  strategy: RestartStrategy;
  /** More than maxRestarts restarts within withinMs escalates to the parent. */
  maxRestarts: number;
  withinMs: number;
  backoff: BackoffPolicy;
  /** First matching rule decides; no match means restart. */
  rules: FaultRule[];
}

export const defaultPolicy: Readonly<SupervisionPolicy> = Object.freeze({
  strategy: 'one_for_one',
  maxRestarts: 3,
  withinMs: 10_000,
  backoff: Object.freeze({ minMs: 10, maxMs: 1_000, jitter: 0.5 }),
  rules: [],
});

export function actionFor(policy: SupervisionPolicy, error: unknown): FaultAction {
  for (const rule of policy.rules) {
    const matches = isErrorClass(rule.match) ? error instanceof rule.match : rule.match(error);
    if (matches) return rule.action;
  }
  return 'restart';
}

function isErrorClass(match: FaultRule['match']): match is new (...args: never[]) => Error {
  return typeof match === 'function' && match.prototype instanceof Error || match === Error;
}
