/**
 * Gas of opening and closing a position through the real NonfungiblePositionManager on the local chain: mint (new
 * ticks initialised), and decreaseLiquidity + collect + burn. The backtest charges these, at its gas price, for each
 * mint and burn it replays; measured on anvil (2024-01-05 0.05% pool, a $100k position of
 * 11 spacings whose two ticks were new), test/venues/amm/chain-amm.test.ts keeps the receipts within 15% of them.
 */
export const LP_GAS = { mint: 474_000n, burn: 383_000n } as const;

/** Dollars of `gas` at `gasPriceGwei` with ETH at `ethUsd`. */
export function gasUsd(gas: bigint, gasPriceGwei: number, ethUsd: number): number {
  return Number(gas) * gasPriceGwei * 1e-9 * ethUsd;
}
