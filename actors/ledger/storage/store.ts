import { openDatabase, type Db, type OpenOptions } from './database.js';
import { DeadLetterJournal } from './dead-letter-journal.js';
import { EquityJournal } from './equity-journal.js';
import { OrderJournal } from './order-journal.js';
import { PositionJournal } from './position-journal.js';
import { RestartJournal } from './restart-journal.js';
import { SqliteSnapshotStore } from './snapshot-store.js';
import { VetoJournal } from './veto-journal.js';

/** The SQLite file and one repository per concern. */
export class Store {
  readonly orders: OrderJournal;
  readonly vetoes: VetoJournal;
  readonly deadLetters: DeadLetterJournal;
  readonly snapshots: SqliteSnapshotStore;
  readonly restarts: RestartJournal;
  readonly equity: EquityJournal;
  readonly positions: PositionJournal;

  constructor(readonly db: Db) {
    this.orders = new OrderJournal(db);
    this.vetoes = new VetoJournal(db);
    this.deadLetters = new DeadLetterJournal(db);
    this.snapshots = new SqliteSnapshotStore(db);
    this.restarts = new RestartJournal(db);
    this.equity = new EquityJournal(db);
    this.positions = new PositionJournal(db);
  }

  /** Runs `fn` in one transaction (one fsync for many writes). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Opens the file (WAL, synchronous=FULL, migrated) and returns the repositories. */
export function openStore(file: string, opts: OpenOptions = {}): Store {
  return new Store(openDatabase(file, opts));
}
