import { fraction, nonNegativeInt, notAbove, positiveInt } from './define.js';
import { z } from 'zod';

/**
 * The allocator (actors/allocation): moves capital between the `allocation` families from their measured,
 * shrunk Sharpe ratios. The static `allocation` weights hold until every running family has `minSamples` samples.
 */
export const allocator = z
  .strictObject({
    enabled: z.boolean().default(true).describe('rebalance capital between families from their performance; off keeps the static allocation'),
    sampleEveryMs: positiveInt().default(5_000).describe('wall time between two samples of every running family\'s equity (also its journaled equity curve, table equity, book = family; sampled with the allocator off too)'),
    windowSamples: positiveInt().default(120).describe('returns per family in the rolling window the Sharpe ratio is measured on'),
    minSamples: positiveInt().default(30).describe('returns every running family needs before the weights may move from the static allocation'),
    shrinkage: z.number().nonnegative().default(30).describe('k in Sharpe × n/(n+k): how many returns count as much as the prior of no skill'),
    floor: fraction().default(0.05).describe('least capital share of a running family'),
    cap: fraction().default(0.5).describe('largest capital share of a running family'),
    minIntervalMs: nonNegativeInt().default(15 * 60_000).describe('least time between two reallocations'),
  })
  .refine(...notAbove('floor', 'cap'))
  .refine(...notAbove('minSamples', 'windowSamples'))
  .prefault({});
