import { section } from './define.js';
import { z } from 'zod';

/** Where the journal lives: one SQLite file (the embedded default), or PostgreSQL for a cluster of nodes. */
export const storage = section({
  driver: z.enum(['sqlite', 'postgres']).default('sqlite').describe('sqlite: the journal is the file dbFile (WAL, synchronous=FULL); postgres: the same tables in storage.postgres (synchronous_commit=on), for nodes of a cluster'),
  dbFile: z.string().min(1).default('arbiter.db').describe('SQLite journal file (WAL, synchronous=FULL)'),
  postgres: z
    .strictObject({
      url: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').default('postgres://postgres@127.0.0.1:5432/test').describe('PostgreSQL server and database of the journal and of recorded market data'),
      schema: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'lower-case letters, digits and _ only, not starting with a digit').default('arbiter').describe("schema of this node's journal tables (each node of a cluster journals in its own schema)"),
    })
    .prefault({}),
});
