import type { Side } from '../types.js';

/** One exchange trade with its aggressor: `takerSide` 'buy' when the buyer took liquidity (Binance `m` false). */
export interface Trade {
  /** Exchange trade time, epoch ms. */
  ts: number;
  price: number;
  /** Base units. */
  qty: number;
  takerSide: Side;
}
