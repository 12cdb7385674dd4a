import type { Migration } from '../migration.js';
import { journal } from './001-journal.js';
import { runtime } from './002-runtime.js';
import { arbOutcomes } from './003-arb-outcomes.js';
import { lostOrdersFillConflicts } from './004-lost-orders-fill-conflicts.js';
import { allocations } from './005-allocations.js';
import { equityBook } from './006-equity-book.js';
import { models } from './007-models.js';
import { quantumRebalances } from './008-quantum-rebalances.js';

/**
 * Every migration, oldest first. To change the schema, add `NNN-name.ts` exporting a Migration
 * with the next version and append it here. Never edit one that has shipped.
 */
export const migrations: readonly Migration[] = [journal, runtime, arbOutcomes, lostOrdersFillConflicts, allocations, equityBook, models, quantumRebalances];
