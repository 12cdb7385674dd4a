import type { Family, Weights } from '../../allocation/family.js';
import type { SharpeInputs } from '../../allocation/shrunk-sharpe.js';
import type { JournalDb } from './journal-db.js';

/** The inputs as stored: JSON turns a number that is not finite (an infinite Sharpe ratio, the std of one return) into null. */
export type StoredInputs = Partial<Record<Family, { [K in keyof SharpeInputs]: number | null }>>;

export interface AllocationRecord {
  ts: number;
  session: string;
  before: Weights;
  after: Weights;
  inputs: Partial<Record<Family, SharpeInputs>> | StoredInputs;
  /** `grows-skipped`: a shrink was not confirmed by its risk actor, so no family grew (the total stayed ≤ 1). */
  outcome: 'applied' | 'grows-skipped';
  detail: string;
}

interface Row {
  ts: number;
  session: string;
  before: string;
  after: string;
  inputs: string;
  outcome: AllocationRecord['outcome'];
  detail: string;
}

/** Every reallocation between strategy families, with the measured performance behind it. */
export class AllocationJournal {
  private readonly insert;
  private readonly selectSession;

  constructor(db: JournalDb) {
    this.insert = db.prepare<[Row]>(
      'INSERT INTO allocations (ts, session, before, after, inputs, outcome, detail) VALUES (@ts, @session, @before, @after, @inputs, @outcome, @detail)',
    );
    this.selectSession = db.prepare<[string], Row>('SELECT ts, session, before, after, inputs, outcome, detail FROM allocations WHERE session = ? ORDER BY id');
  }

  record(r: AllocationRecord): void {
    this.insert.run({
      ts: r.ts, session: r.session, before: JSON.stringify(r.before), after: JSON.stringify(r.after), inputs: JSON.stringify(r.inputs), outcome: r.outcome, detail: r.detail,
    });
  }

  list(session: string): (AllocationRecord & { inputs: StoredInputs })[] {
    return this.selectSession.all(session).map((r) => ({
      ts: r.ts, session: r.session, before: JSON.parse(r.before) as Weights, after: JSON.parse(r.after) as Weights,
      inputs: JSON.parse(r.inputs) as StoredInputs, outcome: r.outcome, detail: r.detail,
    }));
  }
}
