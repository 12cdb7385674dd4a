import { toUnits, type TokenInfo } from '../../strategies/flash-loan/intent-terms.js';
import type { Pool } from '../../strategies/flash-loan/pool.js';

/**
 * Units of `token` per WETH over every pool of the pair: the pools' summed reserves of `token` over their
 * summed WETH (each pool weighted by its depth). Throws when no pool pairs them.
 */
export function wethPriceIn(pools: readonly Pool[], weth: string, token: string, tokens: TokenInfo): number {
  const w = weth.toLowerCase();
  const t = token.toLowerCase();
  let tokenReserve = 0n;
  let wethReserve = 0n;
  for (const p of pools) {
    if (p.token0 === t && p.token1 === w) [tokenReserve, wethReserve] = [tokenReserve + p.reserve0, wethReserve + p.reserve1];
    else if (p.token0 === w && p.token1 === t) [tokenReserve, wethReserve] = [tokenReserve + p.reserve1, wethReserve + p.reserve0];
  }
  if (wethReserve === 0n) throw new Error(`no pool pairs ${tokens[t]?.symbol ?? t} with WETH`);
  return toUnits(tokenReserve, tokens[t]?.decimals ?? 18) / toUnits(wethReserve, tokens[w]?.decimals ?? 18);
}
