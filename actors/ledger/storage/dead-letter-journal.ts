import type { DeadLetter, DeadLetterSink } from '../../runtime/dead-letters.js';
import type { Message } from '../../runtime/messages.js';
import type { JournalDb } from './journal-db.js';
import { fromJson, toJson } from './json.js';

interface DeadLetterRow {
  ts: number;
  actor: string;
  reason: DeadLetter['reason'];
  message: string;
  error: string | null;
}

/** Undeliverable messages, kept with why (RELIABILITY R9, R10). Plugs into the runtime as its DeadLetterSink. */
export class DeadLetterJournal implements DeadLetterSink {
  private readonly insert;
  private readonly selectAll;
  private readonly countSince;

  constructor(db: JournalDb) {
    this.insert = db.prepare<[{ ts: number; actor: string; reason: string; message: string; error: string | null }]>(
      'INSERT INTO dead_letters (ts, actor, reason, message, error) VALUES (@ts, @actor, @reason, @message, @error)',
    );
    this.selectAll = db.prepare<[number], DeadLetterRow>('SELECT ts, actor, reason, message, error FROM dead_letters WHERE ts >= ? ORDER BY id');
    this.countSince = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM dead_letters WHERE ts >= ?');
  }

  record(letter: DeadLetter): void {
    this.insert.run({ ts: letter.ts, actor: letter.actor, reason: letter.reason, message: toJson(letter.message), error: letter.error ?? null });
  }

  list(sinceTs = Number.MIN_SAFE_INTEGER): DeadLetter[] {
    return this.selectAll.all(sinceTs).map((r) => {
      const letter: DeadLetter = { ts: r.ts, actor: r.actor, reason: r.reason, message: fromJson<Message>(r.message) };
      if (r.error !== null) letter.error = r.error;
      return letter;
    });
  }

  count(sinceTs = Number.MIN_SAFE_INTEGER): number {
    return this.countSince.get(sinceTs)?.n ?? 0;
  }
}
