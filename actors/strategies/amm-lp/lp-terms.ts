import type { OrderIntent } from '../../risk/intent.js';
import type { AmmLpParams } from './params.js';
import type { PoolView } from './amm-lp.messages.js';

/**
 * How an LP position is stated to risk and the ledger: one instrument per fee tier, `LP<fee>-WETH-USDC/USDC`,
 * bought in units of one dollar deposited (price 1 at the mint) and sold at (principal + fees) / units at the burn,
 * gas as the fee of each. Its mark is the position's value per unit, so risk's position limit is on the dollars
 * in the pool and the ledger's P&L is the position's against the dollars put in.
 */
export function lpSymbol(fee: number): string {
  return `LP${fee}-WETH-USDC/USDC`;
}

/** The range of half-width `halfWidthTicks` (rounded up to the spacing) around the spacing multiple nearest `tick`. */
export function rangeAround(tick: number, tickSpacing: number, halfWidthTicks: number): { tickLower: number; tickUpper: number } {
  const center = Math.round(tick / tickSpacing) * tickSpacing;
  const half = Math.ceil(halfWidthTicks / tickSpacing) * tickSpacing;
  return { tickLower: center - half, tickUpper: center + half };
}

/** The tier to provide in: the advisor's pick when followed and known, else the configured one; undefined if the venue lacks it. */
export function tierFor(params: AmmLpParams, pools: readonly PoolView[], advisorFee: number | undefined): PoolView | undefined {
  const fee = params.followAdvisor && advisorFee !== undefined ? advisorFee : params.fee;
  return pools.find((p) => p.fee === fee);
}

export function volatilitySpike(sigmaShort: number, sigmaLong: number, ratio: number): boolean {
  return sigmaLong > 0 && sigmaShort > ratio * sigmaLong;
}

export function intentId(strategy: string, session: string | undefined, n: number): string {
  return session ? `${strategy}-${session}-${n}` : `${strategy}-${n}`;
}

export function openIntent(id: string, strategy: string, venue: string, fee: number, depositUsd: number): OrderIntent {
  return { intentId: id, strategy, venue, symbol: lpSymbol(fee), side: 'buy', kind: 'open', type: 'market', amount: depositUsd, price: 1 };
}
