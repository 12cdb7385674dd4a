import type { JournalDb } from './journal-db.js';

export interface Position {
  strategy: string;
  venue: string;
  symbol: string;
  /** Signed base amount: negative is short. */
  amount: number;
  avgPrice: number;
  ts: number;
}

// Quoted: PostgreSQL folds an unquoted alias to lower case.
const COLUMNS = 'strategy, venue, symbol, amount, avg_price AS "avgPrice", updated_ts AS ts';

/** The last known position per (strategy, venue, symbol). A missing row is "unknown", not "flat" (R4). */
export class PositionJournal {
  private readonly upsert;
  private readonly selectOne;
  private readonly selectAll;

  constructor(db: JournalDb) {
    this.upsert = db.prepare<[Position]>(`
      INSERT INTO positions (strategy, venue, symbol, amount, avg_price, updated_ts)
      VALUES (@strategy, @venue, @symbol, @amount, @avgPrice, @ts)
      ON CONFLICT (strategy, venue, symbol) DO UPDATE SET
        amount = excluded.amount, avg_price = excluded.avg_price, updated_ts = excluded.updated_ts`);
    this.selectOne = db.prepare<[string, string, string], Position>(`SELECT ${COLUMNS} FROM positions WHERE strategy = ? AND venue = ? AND symbol = ?`);
    this.selectAll = db.prepare<[], Position>(`SELECT ${COLUMNS} FROM positions ORDER BY strategy, venue, symbol`);
  }

  save(position: Position): void {
    this.upsert.run(position);
  }

  get(strategy: string, venue: string, symbol: string): Position | undefined {
    return this.selectOne.get(strategy, venue, symbol);
  }

  all(): Position[] {
    return this.selectAll.all();
  }
}
