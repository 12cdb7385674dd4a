import type { SeedPool } from './deploy-local.js';

const TEST_TOKEN_DECIMALS = 18;

/**
 * The recorded pools as the paper session's chain starts them. Each DEX keeps its recorded WETH depth, but both
 * start at Uniswap's recorded price, so crossed pools come only from the simulated trader's swaps (the two
 * recorded snapshots are from different blocks, ~5% apart: left as they are, that gap would never close under
 * risk-sized cycles, and every block would pay it). Token amounts are scaled to the 18 decimals of the deployed
 * test tokens, so a 6-decimal token's price in WETH is its real one.
 */
export function sessionPools(seeds: readonly SeedPool[]): SeedPool[] {
  return seeds.map((s) => {
    const scale = 10n ** BigInt(TEST_TOKEN_DECIMALS - (s.decimals ?? TEST_TOKEN_DECIMALS));
    const [uniToken, uniWeth] = s.uniswap;
    const sushiWeth = s.sushiswap[1];
    return {
      symbol: s.symbol,
      uniswap: [uniToken * scale, uniWeth],
      sushiswap: [(sushiWeth * uniToken * scale) / uniWeth, sushiWeth],
    };
  });
}
