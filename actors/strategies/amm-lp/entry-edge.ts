import { rangeValue } from '../../amm/economics/range-amounts.js';
import { rangeLvrRate } from '../../amm/economics/lvr.js';
import { usdRange } from '../../amm/lp/usd-prices.js';

export interface EdgeInputs {
  depositUsd: number;
  fee: number;
  tickLower: number;
  tickUpper: number;
  priceUsd: number;
  /** The pool's flow over the trailing window: dollars swapped per second, and its in-range virtual value 2L√p. */
  volumePerSecUsd: number;
  liquidityUsd: number;
  /** Volatility per √second over the long window. */
  sigma: number;
  /** Mint plus burn, dollars. */
  roundTripGasUsd: number;
}

export interface Edge {
  /** Seconds the position is expected to stay in range: w²/σ² for a half-width w in log price, at most a day. */
  horizonSec: number;
  /** Our share of the in-range liquidity. */
  share: number;
  feesUsd: number;
  lvrUsd: number;
  gasUsd: number;
  /** (fees − LVR − gas) / deposit over the horizon: what the open intent states as its expected profit. */
  expectedProfit: number;
}

const DAY_SEC = 86_400;

/**
 * What opening this position is expected to earn before it has to move: its share of the fees the window's flow
 * pays while in range, less loss-versus-rebalancing over the same time (MMRZ 2022, without the fee's reduction of
 * it: conservative) and the gas of a mint and a burn. Risk's minimum expected profit then applies to it like any
 * trade: a deposit too small to pay its gas is vetoed.
 */
export function entryEdge(i: EdgeInputs): Edge {
  const { lower, upper } = usdRange(i.tickLower, i.tickUpper);
  const liquidity = i.depositUsd / rangeValue(1, i.priceUsd, lower, upper);
  const ours = 2 * liquidity * Math.sqrt(i.priceUsd);
  const share = ours / (ours + i.liquidityUsd);
  const halfWidth = ((i.tickUpper - i.tickLower) / 2) * Math.log(1.0001);
  const horizonSec = i.sigma > 0 ? Math.min(DAY_SEC, (halfWidth * halfWidth) / (i.sigma * i.sigma)) : DAY_SEC;
  const feesUsd = (i.fee / 1_000_000) * i.volumePerSecUsd * share * horizonSec;
  const lvrUsd = rangeLvrRate(i.sigma, liquidity, i.priceUsd, lower, upper) * horizonSec;
  const expectedProfit = (feesUsd - lvrUsd - i.roundTripGasUsd) / i.depositUsd;
  return { horizonSec, share, feesUsd, lvrUsd, gasUsd: i.roundTripGasUsd, expectedProfit };
}
