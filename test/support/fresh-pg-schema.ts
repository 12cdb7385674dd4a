import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other test run uses, on the real PostgreSQL; drop() removes it and everything in it. */
export function freshPgSchema(prefix = 't'): { db: { url: string; schema: string }; drop: () => Promise<void> } {
  const schema = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    db: { url: TEST_PG_URL, schema },
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
