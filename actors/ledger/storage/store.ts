import { openDatabase, type Db, type OpenOptions, type Synchronous } from './database.js';
import { DeadLetterJournal } from './dead-letter-journal.js';
import { EquityJournal } from './equity-journal.js';
import type { JournalDb } from './journal-db.js';
import { OrderJournal } from './order-journal.js';
import { PositionJournal } from './position-journal.js';
import { RestartJournal } from './restart-journal.js';
import { SqliteSnapshotStore } from './snapshot-store.js';
import { VetoJournal } from './veto-journal.js';

export interface StoreOptions extends OpenOptions {
  /** synchronous for the runtime connection (snapshots, equity, vetoes, dead letters, restarts, positions). Default NORMAL. */
  runtimeSynchronous?: Synchronous;
}

/**
 * The journal and one repository per concern, over two connections to the same SQLite file or PostgreSQL schema:
 * - `db` (SQLite synchronous=FULL, PostgreSQL synchronous_commit=on): intents, orders, fills. Each commit is
 *   durable before the venue is called (R2).
 * - `runtimeDb` (synchronous=NORMAL, synchronous_commit=off): snapshots, equity, vetoes, dead letters, restarts,
 *   positions. These survive a process kill; on power loss (SQLite) or a server crash (PostgreSQL) the last few may
 *   roll back, and start-up reconciliation against the order journal and the venues covers that (R1, R4). An fsync
 *   per machine snapshot would cap the system at a few hundred messages per second (measured ~2.7 ms per FULL commit here).
 * Do not write through one connection inside the other's transaction: SQLite allows one writer.
 */
export class Store<D extends JournalDb = JournalDb> {
  readonly orders: OrderJournal;
  readonly vetoes: VetoJournal;
  readonly deadLetters: DeadLetterJournal;
  readonly snapshots: SqliteSnapshotStore;
  readonly restarts: RestartJournal;
  readonly equity: EquityJournal;
  readonly positions: PositionJournal;

  constructor(
    readonly db: D,
    readonly runtimeDb: D = db,
  ) {
    this.orders = new OrderJournal(db);
    this.vetoes = new VetoJournal(runtimeDb);
    this.deadLetters = new DeadLetterJournal(runtimeDb);
    this.snapshots = new SqliteSnapshotStore(runtimeDb);
    this.restarts = new RestartJournal(runtimeDb);
    this.equity = new EquityJournal(runtimeDb);
    this.positions = new PositionJournal(runtimeDb);
  }

  close(): void {
    if (this.runtimeDb.open) this.runtimeDb.close();
    if (this.db.open) this.db.close();
  }
}

/** Opens the SQLite file (WAL, migrated): the journal connection with synchronous=FULL, the runtime one NORMAL. */
export function openStore(file: string, opts: StoreOptions = {}): Store<Db> {
  const db = openDatabase(file, { ...opts, synchronous: opts.synchronous ?? 'FULL' });
  if (file === ':memory:' || file === '') return new Store(db);
  try {
    const runtimeDb = openDatabase(file, { ...opts, synchronous: opts.runtimeSynchronous ?? 'NORMAL' });
    return new Store(db, runtimeDb);
  } catch (err) {
    db.close();
    throw err;
  }
}
