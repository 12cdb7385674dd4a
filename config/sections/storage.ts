import { section } from './define.js';
import { z } from 'zod';

export const storage = section({
  dbFile: z.string().min(1).default('arbiter.db').describe('SQLite journal file (WAL, synchronous=FULL)'),
});
