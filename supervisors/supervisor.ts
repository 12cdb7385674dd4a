import { backoffDelay } from '../actors/runtime/backoff.js';
import { actionFor, defaultPolicy, type SupervisionPolicy } from './policy.js';

/** Anything a supervisor can restart or stop: an actor cell or another supervisor. */
export interface Supervisee {
  readonly name: string;
  /** Rebuild from the last good snapshot; process nothing for delayMs. */
  restart(delayMs: number): void;
  /** Stop for good; whatever is still queued goes to the dead letters. */
  stop(reason: string): void;
  setParent(parent: Supervisor): void;
}

export interface SupervisorHooks {
  /** Monotonic milliseconds for restart intensity (wall time, not the trading clock). */
  now(): number;
  random(): number;
  onRestart(child: string, error: unknown, attempt: number, delayMs: number): void;
  onStopped(child: string, reason: string): void;
  /** An escalation went past the root: risk must halt and open orders be cancelled. */
  onRootEscalation(from: string, error: unknown): void;
}

export type FaultOutcome = 'restarted' | 'resumed' | 'stopped' | 'escalated';

export class Supervisor implements Supervisee {
  private readonly children: Supervisee[] = [];
  private restartTimes: number[] = [];
  private parent: Supervisor | undefined;

  constructor(
    readonly name: string,
    readonly policy: Readonly<SupervisionPolicy> = defaultPolicy,
    private readonly hooks: SupervisorHooks,
  ) {}

  setParent(parent: Supervisor): void {
    this.parent = parent;
  }

  /** Children are kept in start order: rest_for_one restarts the failed child and those started after it. */
  add(child: Supervisee): void {
    this.children.push(child);
    child.setParent(this);
  }

  childNames(): string[] {
    return this.children.map((c) => c.name);
  }

  child(name: string): Supervisee | undefined {
    return this.children.find((c) => c.name === name);
  }

  /** A child failed on a message. Decide by the policy table; never throws. */
  childFailed(child: Supervisee, error: unknown): FaultOutcome {
    const action = actionFor(this.policy, error);
    if (action === 'resume') return 'resumed';
    if (action === 'stop') {
      this.stopChild(child, `stopped by ${this.name} on ${describe(error)}`);
      return 'stopped';
    }
    if (action === 'escalate' || this.intensityExceeded()) return this.escalate(child, error);

    const attempt = this.restartTimes.length - 1;
    const delayMs = backoffDelay(attempt, this.policy.backoff, this.hooks.random);
    for (const target of this.restartSet(child)) {
      this.hooks.onRestart(target.name, error, attempt + 1, delayMs);
      target.restart(delayMs);
    }
    return 'restarted';
  }

  restart(delayMs: number): void {
    this.restartTimes = [];
    for (const child of this.children) child.restart(delayMs);
  }

  stop(reason: string): void {
    for (const child of [...this.children].reverse()) this.stopChild(child, reason);
  }

  private stopChild(child: Supervisee, reason: string): void {
    child.stop(reason);
    this.hooks.onStopped(child.name, reason);
  }

  private intensityExceeded(): boolean {
    const now = this.hooks.now();
    this.restartTimes = this.restartTimes.filter((t) => now - t <= this.policy.withinMs);
    this.restartTimes.push(now);
    return this.restartTimes.length > this.policy.maxRestarts;
  }

  private escalate(child: Supervisee, error: unknown): FaultOutcome {
    if (this.parent) {
      const outcome = this.parent.childFailed(this, error);
      return outcome === 'restarted' ? 'restarted' : 'escalated';
    }
    this.stopChild(child, `escalated past root ${this.name}: ${describe(error)}`);
    this.hooks.onRootEscalation(child.name, error);
    return 'escalated';
  }

  private restartSet(child: Supervisee): Supervisee[] {
    const index = this.children.indexOf(child);
    switch (this.policy.strategy) {
      case 'one_for_one':
        return [child];
      case 'one_for_all':
        return [...this.children];
      case 'rest_for_one':
        return index < 0 ? [child] : this.children.slice(index);
    }
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
