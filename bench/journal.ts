/**
 * What durability costs: one-row commits to a real SQLite file in WAL mode with synchronous=FULL (the
 * order journal) against synchronous=NORMAL (the floor: runtime state), in the same run; then recordSubmission on
 * SQLite FULL beside PostgreSQL synchronous_commit=on (journal-submission.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { benchJournalSubmission } from './journal-submission.js';

function commitUs(synchronous: 'FULL' | 'NORMAL', commits: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-bench-journal-'));
  const db = new Database(join(dir, 'journal.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.exec('CREATE TABLE intents (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO intents (body) VALUES (?)');
    const body = JSON.stringify({ intentId: 'market-making-s1-1', symbol: 'BTC/USDT', side: 'buy', amount: 0.004, price: 50_000 });
    const start = performance.now();
    for (let i = 0; i < commits; i++) insert.run(body);
    return ((performance.now() - start) / commits) * 1_000;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchJournal(commits = 500): Promise<{ fullCommitUs: number; floorNormalCommitUs: number; ratio: number; recordSubmission: Record<string, unknown> }> {
  const fullCommitUs = commitUs('FULL', commits);
  const floorNormalCommitUs = commitUs('NORMAL', commits);
  return { fullCommitUs, floorNormalCommitUs, ratio: fullCommitUs / floorNormalCommitUs, recordSubmission: await benchJournalSubmission(commits) };
}
