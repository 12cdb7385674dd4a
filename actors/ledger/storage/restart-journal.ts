import type { JournalDb } from './journal-db.js';

export interface ActorRestart {
  ts: number;
  actor: string;
  attempt: number;
  delayMs: number;
  error: string;
}

/** Every supervised restart: who, which attempt, after what delay, and why. */
export class RestartJournal {
  private readonly insert;
  private readonly selectAll;
  private readonly countSince;

  constructor(db: JournalDb) {
    this.insert = db.prepare<[ActorRestart]>('INSERT INTO actor_restarts (ts, actor, attempt, delay_ms, error) VALUES (@ts, @actor, @attempt, @delayMs, @error)');
    this.selectAll = db.prepare<[number], ActorRestart>(
      'SELECT ts, actor, attempt, delay_ms AS "delayMs", error FROM actor_restarts WHERE ts >= ? ORDER BY id',
    );
    this.countSince = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM actor_restarts WHERE ts >= ?');
  }

  record(restart: ActorRestart): void {
    this.insert.run({ ...restart, delayMs: Math.round(restart.delayMs) });
  }

  list(sinceTs = Number.MIN_SAFE_INTEGER): ActorRestart[] {
    return this.selectAll.all(sinceTs);
  }

  count(sinceTs = Number.MIN_SAFE_INTEGER): number {
    return this.countSince.get(sinceTs)?.n ?? 0;
  }
}
