import type { DenyReason, OrderIntent } from '../../risk/intent.js';
import type { JournalDb } from './journal-db.js';
import { fromJson, toJson } from './json.js';

export interface Veto {
  intent: OrderIntent;
  reason: DenyReason;
  detail: string;
  ts: number;
}

interface VetoRow {
  ts: number;
  reason: DenyReason;
  detail: string;
  intent: string;
}

/** Every refused intent, with its closed-union reason and the human-readable detail. */
export class VetoJournal {
  private readonly insert;
  private readonly selectAll;
  private readonly countSince;
  private readonly byReasonSince;

  constructor(db: JournalDb) {
    this.insert = db.prepare<[{ ts: number; intentId: string; strategy: string; reason: string; detail: string; intent: string }]>(
      'INSERT INTO vetoes (ts, intent_id, strategy, reason, detail, intent) VALUES (@ts, @intentId, @strategy, @reason, @detail, @intent)',
    );
    this.selectAll = db.prepare<[number], VetoRow>('SELECT ts, reason, detail, intent FROM vetoes WHERE ts >= ? ORDER BY id');
    this.countSince = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM vetoes WHERE ts >= ?');
    this.byReasonSince = db.prepare<[number], { reason: DenyReason; n: number }>(
      'SELECT reason, COUNT(*) AS n FROM vetoes WHERE ts >= ? GROUP BY reason ORDER BY reason',
    );
  }

  record(veto: Veto): void {
    const { intent } = veto;
    this.insert.run({ ts: veto.ts, intentId: intent.intentId, strategy: intent.strategy, reason: veto.reason, detail: veto.detail, intent: toJson(intent) });
  }

  list(sinceTs = Number.MIN_SAFE_INTEGER): Veto[] {
    return this.selectAll.all(sinceTs).map((r) => ({ ts: r.ts, reason: r.reason, detail: r.detail, intent: fromJson<OrderIntent>(r.intent) }));
  }

  count(sinceTs = Number.MIN_SAFE_INTEGER): number {
    return this.countSince.get(sinceTs)?.n ?? 0;
  }

  countByReason(sinceTs = Number.MIN_SAFE_INTEGER): Partial<Record<DenyReason, number>> {
    return Object.fromEntries(this.byReasonSince.all(sinceTs).map((r) => [r.reason, r.n]));
  }
}
