import type { Db } from './database.js';

export interface EquityPoint {
  ts: number;
  equity: number;
}

/** The equity curve, in the quote currency. */
export class EquityJournal {
  private readonly insert;
  private readonly selectFirst;
  private readonly selectLast;
  private readonly selectSeries;

  constructor(db: Db) {
    this.insert = db.prepare<[EquityPoint]>('INSERT INTO equity (ts, equity) VALUES (@ts, @equity)');
    this.selectFirst = db.prepare<[number], EquityPoint>('SELECT ts, equity FROM equity WHERE ts >= ? ORDER BY ts, id LIMIT 1');
    this.selectLast = db.prepare<[number], EquityPoint>('SELECT ts, equity FROM equity WHERE ts >= ? ORDER BY ts DESC, id DESC LIMIT 1');
    this.selectSeries = db.prepare<[number], EquityPoint>('SELECT ts, equity FROM equity WHERE ts >= ? ORDER BY ts, id');
  }

  record(point: EquityPoint): void {
    this.insert.run(point);
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
}
