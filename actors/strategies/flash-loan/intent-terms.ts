import type { BookLevel, OrderBook } from '../../market-data/types.js';
import { FEE_DENOMINATOR, FEE_NUMERATOR } from './v2-math.js';
import type { Opportunity } from './opportunities.js';
import type { Pool } from './pool.js';

/** Symbol and decimals of a token, by lower-case address. */
export type TokenInfo = Record<string, { symbol: string; decimals: number }>;

/**
 * How a flash-swap cycle is stated to the risk actor (float signals; the chain side stays bigint):
 *   symbol   `<borrowed>/<profit token>`, e.g. DAI/WETH: the intent is quoted in the profit token;
 *   side     buy (the borrowed token is bought on the cheap pool, sold on the other within one transaction);
 *   amount   the borrow, in whole units of the borrowed token (raw / 10^decimals);
 *   price    profit-token paid per borrowed unit (amountIn / borrow), so amount × price = amountIn:
 *            the notional risk checks is the capital the cycle puts in, in the profit token;
 *   expectedProfit  net profit (after gas, loan fee, builder payment) / amountIn, a fraction.
 */
export interface CycleTerms {
  symbol: string;
  side: 'buy';
  amount: number;
  price: number;
  expectedProfit: number;
}

export function symbolOf(tokens: TokenInfo, address: string): string {
  return tokens[address.toLowerCase()]?.symbol ?? address.toLowerCase();
}

function decimalsOf(tokens: TokenInfo, address: string): number {
  return tokens[address.toLowerCase()]?.decimals ?? 18;
}

/** raw / 10^decimals as a float (exact enough for a signal: 53 bits of the leading digits). */
export function toUnits(raw: bigint, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  return Number(raw / scale) + Number(raw % scale) / Number(scale);
}

export function pairSymbol(tokens: TokenInfo, borrowToken: string, profitToken: string): string {
  return `${symbolOf(tokens, borrowToken)}/${symbolOf(tokens, profitToken)}`;
}

export function cycleTerms(o: Opportunity, netProfit: bigint, tokens: TokenInfo): CycleTerms {
  const amount = toUnits(o.borrow, decimalsOf(tokens, o.borrowToken));
  const paid = toUnits(o.amountIn, decimalsOf(tokens, o.profitToken));
  return {
    symbol: pairSymbol(tokens, o.borrowToken, o.profitToken),
    side: 'buy',
    amount,
    price: paid / amount,
    expectedProfit: o.amountIn > 0n ? ratio(netProfit, o.amountIn) : 0,
  };
}

/** a / b as a float with 12 significant decimals kept in integers first. */
function ratio(a: bigint, b: bigint): number {
  return Number((a * 10n ** 12n) / b) / 1e12;
}

/**
 * The largest raw borrow that stays within what risk approved: the asked borrow scaled by
 * approved / asked, rounded down (never above the approval), or the asked borrow when approved in full.
 */
export function approvedBorrow(askedBorrow: bigint, askedAmount: number, approvedAmount: number): bigint {
  if (!(approvedAmount > 0)) return 0n;
  if (approvedAmount >= askedAmount) return askedBorrow;
  const ppt = BigInt(Math.floor((approvedAmount / askedAmount) * 1e12));
  return (askedBorrow * ppt) / 10n ** 12n;
}

/**
 * A synthetic order book for one token pair across the watched pools, in the profit token per borrowed unit:
 * each pool gives a bid at its marginal price × 0.997 (selling into it) and an ask at marginal / 0.997
 * (buying from it), sized at 1% of its reserve of the borrowed token (a depth hint, not a promise).
 * Pools of the same tokens on different DEXes whose prices differ by more than the fees make the book
 * crossed: that is the arbitrage. Risk uses it for freshness (stale-data check) and a mark.
 */
export function poolsBook(venue: string, pools: readonly Pool[], base: string, profitToken: string, tokens: TokenInfo, ts: number): OrderBook | undefined {
  const bids: BookLevel[] = [];
  const asks: BookLevel[] = [];
  const fee = Number(FEE_NUMERATOR) / Number(FEE_DENOMINATOR);
  for (const p of pools) {
    const baseIs0 = p.token0 === base;
    if (!baseIs0 && p.token1 !== base) continue;
    if ((baseIs0 ? p.token1 : p.token0) !== profitToken) continue;
    const baseUnits = toUnits(baseIs0 ? p.reserve0 : p.reserve1, decimalsOf(tokens, base));
    const quoteUnits = toUnits(baseIs0 ? p.reserve1 : p.reserve0, decimalsOf(tokens, profitToken));
    if (baseUnits <= 0 || quoteUnits <= 0) continue;
    const marginal = quoteUnits / baseUnits;
    bids.push([marginal * fee, baseUnits / 100]);
    asks.push([marginal / fee, baseUnits / 100]);
  }
  if (bids.length === 0) return undefined;
  bids.sort((a, b) => b[0] - a[0]);
  asks.sort((a, b) => a[0] - b[0]);
  return { venue, symbol: pairSymbol(tokens, base, profitToken), ts, bids, asks };
}

/** One book per borrowed token traded against `profitToken` in the pools. */
export function poolsBooks(venue: string, pools: readonly Pool[], profitToken: string, tokens: TokenInfo, ts: number): OrderBook[] {
  const profit = profitToken.toLowerCase();
  const bases = new Set<string>();
  for (const p of pools) {
    if (p.token0 === profit) bases.add(p.token1);
    else if (p.token1 === profit) bases.add(p.token0);
  }
  return [...bases].flatMap((base) => poolsBook(venue, pools, base, profit, tokens, ts) ?? []);
}
