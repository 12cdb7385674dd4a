import type { LegOutcome } from '../../../machines/leg-risk.machine.js';
import type { JournalDb } from './journal-db.js';
import { fromJson, toJson } from './json.js';

export interface ArbOutcomeRecord {
  ts: number;
  strategy: string;
  groupId: string;
  outcome: LegOutcome;
  /** Realised P&L by currency (e.g. { USDT: 1.2, BTC: 0 }). */
  pnl: Record<string, number>;
  detail: string;
}

interface Row {
  ts: number;
  strategy: string;
  group_id: string;
  outcome: LegOutcome;
  pnl: string;
  detail: string;
}

/** Every multi-leg arbitrage outcome with its realised P&L per currency. */
export class ArbOutcomeJournal {
  private readonly insert;
  private readonly selectSince;
  private readonly countSince;

  constructor(db: JournalDb) {
    this.insert = db.prepare<[{ ts: number; strategy: string; groupId: string; outcome: string; pnl: string; detail: string }]>(
      'INSERT INTO arb_outcomes (ts, strategy, group_id, outcome, pnl, detail) VALUES (@ts, @strategy, @groupId, @outcome, @pnl, @detail)',
    );
    this.selectSince = db.prepare<[number], Row>('SELECT ts, strategy, group_id, outcome, pnl, detail FROM arb_outcomes WHERE ts >= ? ORDER BY id');
    this.countSince = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM arb_outcomes WHERE ts >= ?');
  }

  record(o: ArbOutcomeRecord): void {
    this.insert.run({ ts: o.ts, strategy: o.strategy, groupId: o.groupId, outcome: o.outcome, pnl: toJson(o.pnl), detail: o.detail });
  }

  list(sinceTs = Number.MIN_SAFE_INTEGER): ArbOutcomeRecord[] {
    return this.selectSince.all(sinceTs).map((r) => ({
      ts: r.ts, strategy: r.strategy, groupId: r.group_id, outcome: r.outcome, pnl: fromJson<Record<string, number>>(r.pnl), detail: r.detail,
    }));
  }

  count(sinceTs = Number.MIN_SAFE_INTEGER): number {
    return this.countSince.get(sinceTs)?.n ?? 0;
  }
}
