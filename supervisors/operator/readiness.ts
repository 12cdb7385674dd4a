/** Where the session is: ready only while `running`. */
export type SessionPhase = 'starting' | 'running' | 'stopping' | 'finished';

export interface ReadyStatus {
  ready: boolean;
  phase: SessionPhase;
  /** What the session still lacks to be ready (empty once it is). */
  missing: string[];
}

/**
 * Readiness of a session: every planned family up, the start-up reconciliation done, and each connecting family's
 * connections live. Lost for good at the stop.
 */
export class Readiness {
  private plan: { family: string; connects: boolean }[] | undefined;
  private readonly up = new Set<string>();
  private readonly live = new Set<string>();
  private reconciled = false;
  private phase: 'open' | 'stopping' | 'finished' = 'open';

  planned(families: readonly { family: string; connects?: boolean }[]): void {
    this.plan = families.map((f) => ({ family: f.family, connects: f.connects ?? false }));
  }

  familyUp(family: string): void {
    this.up.add(family);
  }

  reconciledOnStart(): void {
    this.reconciled = true;
  }

  connections(family: string, live: boolean): void {
    if (live) this.live.add(family);
    else this.live.delete(family);
  }

  stopping(): void {
    if (this.phase === 'open') this.phase = 'stopping';
  }

  /** The summary is made: the metrics hold the session's final figures. */
  finished(): void {
    this.phase = 'finished';
  }

  status(): ReadyStatus {
    if (this.phase === 'stopping') return { ready: false, phase: 'stopping', missing: ['the session is stopping'] };
    if (this.phase === 'finished') return { ready: false, phase: 'finished', missing: ['the session has finished'] };
    if (!this.plan) return { ready: false, phase: 'starting', missing: ['the session has not planned its families yet'] };
    const missing: string[] = [];
    if (this.plan.length === 0) missing.push('no family runs');
    for (const { family, connects } of this.plan) {
      if (!this.up.has(family)) missing.push(`family ${family} is not up`);
      else if (connects && !this.live.has(family)) missing.push(`family ${family}: connections not live`);
    }
    if (!this.reconciled) missing.push('start-up reconciliation not done');
    return { ready: missing.length === 0, phase: missing.length === 0 ? 'running' : 'starting', missing };
  }
}
