import type { JournalDb } from './journal-db.js';

export interface EquityPoint {
  ts: number;
  equity: number;
}

/** Whose curve a point belongs to; '' for both when the file holds one trading system's curve. */
export interface EquityBook {
  book: string;
  session: string;
}

export type BookedEquityPoint = EquityPoint & EquityBook;

/**
 * Equity curves, in the quote currency. `first`, `last` and `series` read every row whatever its book (one trading
 * system per file); `ofSession` reads one session's curves apart.
 */
export class EquityJournal {
  private readonly insert;
  private readonly selectFirst;
  private readonly selectLast;
  private readonly selectSeries;
  private readonly selectSession;

  constructor(db: JournalDb) {
    this.insert = db.prepare<[BookedEquityPoint]>('INSERT INTO equity (ts, equity, book, session) VALUES (@ts, @equity, @book, @session)');
    this.selectFirst = db.prepare<[number], EquityPoint>('SELECT ts, equity FROM equity WHERE ts >= ? ORDER BY ts, id LIMIT 1');
    this.selectLast = db.prepare<[number], EquityPoint>('SELECT ts, equity FROM equity WHERE ts >= ? ORDER BY ts DESC, id DESC LIMIT 1');
    this.selectSeries = db.prepare<[number], EquityPoint>('SELECT ts, equity FROM equity WHERE ts >= ? ORDER BY ts, id');
    this.selectSession = db.prepare<[string], BookedEquityPoint>('SELECT ts, equity, book, session FROM equity WHERE session = ? ORDER BY book, ts, id');
  }

  record(point: EquityPoint & Partial<EquityBook>): void {
    this.insert.run({ ts: point.ts, equity: point.equity, book: point.book ?? '', session: point.session ?? '' });
  }

  first(sinceTs = Number.MIN_SAFE_INTEGER): EquityPoint | undefined {
    return this.selectFirst.get(sinceTs);
  }

  last(sinceTs = Number.MIN_SAFE_INTEGER): EquityPoint | undefined {
    return this.selectLast.get(sinceTs);
  }

  series(sinceTs = Number.MIN_SAFE_INTEGER): EquityPoint[] {
    return this.selectSeries.all(sinceTs);
  }

  /** Every point of one session, by book then time. */
  ofSession(session: string): BookedEquityPoint[] {
    return this.selectSession.all(session);
  }
}
