import { fraction, nonNegativeInt, notAbove, positiveInt } from './define.js';
import { z } from 'zod';

/**
 * The flash-loan family's local chain in the paper session: a fresh anvil whose blocks are built on the wall
 * clock by the local relay, and a simulated trader whose public swaps move the two DEXes' prices apart.
 */
export const chain = z
  .strictObject({
    blockMs: positiveInt().min(50).default(1_000).describe('wall-clock ms between blocks the local relay builds (a block still being evaluated when the next is due delays it: blocks are skipped, never queued)'),
    swapChance: fraction().default(0.5).describe('chance per block that the simulated trader swaps on one pool, chosen at random'),
    minSwapFraction: fraction().default(0.001).describe("smallest swap, as a fraction of the pool's reserve of the token sold"),
    maxSwapFraction: fraction().default(0.01).describe("largest swap, as a fraction of the pool's reserve of the token sold"),
    seed: nonNegativeInt().default(1).describe('seed of the trader: which blocks, which pool, which side, what size'),
  })
  .refine(...notAbove('minSwapFraction', 'maxSwapFraction'))
  .prefault({});

export type ChainSettings = z.output<typeof chain>;
