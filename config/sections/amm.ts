import { z } from 'zod';
import { positiveInt } from './define.js';

/**
 * The LP strategies' local chain in the paper session: a fresh anvil with the real Uniswap V3 contracts, one pool per
 * recorded day, the recorded swaps sent to them one recorded block at a time on the wall clock.
 */
export const amm = z
  .strictObject({
    events: z
      .array(z.string().min(1))
      .min(1)
      .default(['data/dex/uniswap_v3_usdc_weth_500_0x88e6_2024-01-05_events.csv', 'data/dex/uniswap_v3_usdc_weth_3000_0x8ad5_2024-01-05_events.csv'])
      .describe('recorded Uniswap V3 pool days (USDC/WETH), one per fee tier: each becomes a pool on the local chain, at its first recorded price and liquidity'),
    gasPriceGwei: z.number().positive().default(20).describe("gas price each mint and burn is charged at (anvil's own is meaningless; 20 gwei is a typical mainnet price of the recorded day, an L2's is ~0.05)"),
    blockMs: positiveInt().min(20).default(250).describe('wall-clock ms between recorded blocks sent to the chain (a block still being sent delays the next: blocks are never queued)'),
  })
  .prefault({});

export type AmmSettings = z.output<typeof amm>;
