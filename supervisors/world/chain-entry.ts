import { z } from 'zod';

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte address');

/**
 * The chain a world host serves to the flash_loans family: its anvil, its relay (which builds every block), what is
 * deployed there, and the executor's key (the bot signs its arbitrage transactions; the Flashbots auth key it
 * makes itself, fresh per run). The owner is named by address only: the bot reads its WETH, it never signs for it.
 */
export const chainWorldEntry = z.object({
  rpcUrl: z.string().url(),
  relayUrl: z.string().url(),
  chainId: z.number().int().positive(),
  /** Wall-clock ms between the blocks the world builds. */
  blockMs: z.number().int().positive(),
  executorKey: z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'must be a 0x-prefixed 32-byte private key'),
  ownerAddress: address,
  deployment: z.object({
    weth: address,
    factories: z.object({ uniswap: address, sushiswap: address }),
    tokens: z.record(z.string(), address),
    pools: z.array(z.object({ dex: z.enum(['uniswap', 'sushiswap']), symbol: z.string(), pair: address, token: address })),
    arbitrage: address,
    lender: address,
  }),
});

export type ChainWorldEntry = z.infer<typeof chainWorldEntry>;
