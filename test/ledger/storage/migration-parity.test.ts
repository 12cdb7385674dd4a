import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../../support/journal-backends.js';

type Column = [table: string, column: string, kind: string, notNull: boolean];

const KIND: Record<string, string> = { INTEGER: 'integer', bigint: 'integer', integer: 'integer', REAL: 'real', 'double precision': 'real', TEXT: 'text', text: 'text' };

test('SQLite and PostgreSQL migrations give the same tables, columns (name, integer/real/text, nullability) and indexes', () => {
  const [sqlite, postgres] = ['sqlite', 'postgres'].map((name) => {
    const backend = backends.find((b) => b.name === name)!;
    return backend.openDb(backend.fresh());
  });
  // A primary key column is NOT NULL on PostgreSQL; SQLite reports it nullable unless said, yet a journal never writes NULL there.
  const sqliteColumns = sqlite!
    .prepare<[], { t: string; name: string; type: string; notnull: number; pk: number }>(
      "SELECT m.name AS t, c.name, c.type, c.\"notnull\", c.pk FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, c.name",
    )
    .all()
    .map((c): Column => [c.t, c.name, KIND[c.type] ?? c.type, c.notnull === 1 || c.pk > 0]);
  const postgresColumns = postgres!
    .prepare<[], { t: string; name: string; type: string; nullable: string }>(
      'SELECT table_name AS t, column_name AS name, data_type AS type, is_nullable AS nullable FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name COLLATE "C", column_name COLLATE "C"',
    )
    .all()
    .map((c): Column => [c.t, c.name, KIND[c.type] ?? c.type, c.nullable === 'NO']);
  assert.ok(sqliteColumns.length > 90, `${sqliteColumns.length} columns`);
  assert.deepEqual(postgresColumns, sqliteColumns);

  const sqliteIndexes = sqlite!.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all();
  const postgresIndexes = postgres!.prepare<[], { name: string }>("SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%_pkey' ORDER BY indexname COLLATE \"C\"").all();
  assert.ok(sqliteIndexes.length >= 14);
  assert.deepEqual(postgresIndexes, sqliteIndexes);
  sqlite!.close();
  postgres!.close();
});
