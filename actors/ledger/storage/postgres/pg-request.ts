/** Caller → pg worker. `conn` is a connection id the worker handed out on `connect`. */
export type PgRequest =
  | { op: 'connect'; url: string; connectTimeoutMs: number }
  | { op: 'query'; conn: number; text: string; values: unknown[]; name?: string }
  | { op: 'exec'; conn: number; sql: string }
  | { op: 'close'; conn: number };

/** connect: the new id; query and exec: rows (none for exec), rowCount, and the command tag (COMMIT comes back as ROLLBACK when the transaction had failed). */
export type PgResponse = { conn: number } | { rows: Record<string, unknown>[]; rowCount: number; command: string } | null;
