import { nonNegativeInt, notAbove, positiveInt } from './define.js';
import { z } from 'zod';

/**
 * The risk budget a cluster of nodes shares in Redis (actors/risk/global-budget, docs/risk.md "Global budget").
 * Notional in the quote currency. Read by the budget gate of a cluster node (`arbiter run --cluster`, `arbiter cluster`).
 */
export const cluster = z
  .strictObject({
    nodeId: z.string().regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only').default('node-1').describe("this node's name, unique in the cluster: its share of the filled positions and of the day's realised P&L is kept under it, and its rebuild from its own journal replaces only that share"),
    keyPrefix: z.string().min(1).default('arbiter:{budget}:').describe('prefix of every budget key in Redis; the {…} hash tag keeps them in one Redis Cluster slot, as the Lua scripts need'),
    globalMaxPositionNotional: z.number().positive().default(5_000).describe('max absolute net position per symbol across the cluster, filled plus reserved, valued at the order price (quote currency)'),
    globalMaxPositionNotionalBySymbol: z.record(z.string(), z.number().positive()).default({}).describe('per-symbol overrides of globalMaxPositionNotional, e.g. {"BTC/USDT": 20000}'),
    globalMaxGrossNotional: z.number().positive().default(30_000).describe('max sum over symbols of the absolute net position (filled plus reserved, each symbol at its last reserve or fill price) across the cluster'),
    globalMaxDailyLoss: z.number().positive().default(500).describe("realised loss of the cluster's UTC day (net of the day's gains) at which orders that add exposure are refused"),
    reservationTtlMs: positiveInt().default(60_000).describe('a reservation not released, filled or renewed within this returns its exposure to the budget (a node that died holds nothing for longer)'),
    idempotencyWindowMs: positiveInt().default(86_400_000).describe('how long the answer to a reservation id (and a fill id) is remembered: a retry within it returns the same answer and counts nothing twice'),
    maxMarketLagMs: positiveInt().default(1_000).describe("a strategy node reading a bar of the venue node's market published longer ago than this (Redis's clock) reports that market stale, so risk vetoes trading on it until the node has caught up (a restarted node reads the bars it missed as warm-up, not as the market)"),
    sweepBatch: nonNegativeInt().default(64).describe('expired reservations each reserve returns to the budget before judging (more wait for the next call or GlobalBudget.expire; 0: only expire does)'),
  })
  .refine(...notAbove('reservationTtlMs', 'idempotencyWindowMs'))
  .prefault({});
