import type { Approval } from '../../risk/approval.js';
import type { Message } from '../../runtime/messages.js';

/** One pool as the strategy sees it after a recorded block. */
export interface PoolView {
  fee: number;
  tickSpacing: number;
  tick: number;
  priceUsd: number;
  /** Its flow over the long trailing window: dollars swapped per second, and the in-range virtual value 2L√p it met. */
  volumePerSecUsd: number;
  liquidityUsd: number;
}

/** An open LP position, as the strategy keeps it (amounts and bigint liquidity stay with the venue). */
export interface LpPosition {
  positionId: string;
  /** The intent that opened it. */
  intentId: string;
  fee: number;
  tickLower: number;
  tickUpper: number;
  /** Risk's units: dollars deposited (each worth 1 at the mint). */
  units: number;
  /** Recorded time of the block it was opened after, epoch ms. */
  openedTs: number;
}

/** AMM feed → LP strategies: the pools after a recorded block, the advisor's tier and the volatility windows. */
export interface AmmObservation {
  venue: string;
  block: number;
  /** Recorded block time, epoch ms: the strategy's own clock for hold and cool-down times. */
  recordedTs: number;
  pools: PoolView[];
  /** The fee tier (hundredths of a bip) the fee advisor picks from the flow so far; absent before it has any. */
  advisorFee?: number;
  /** Realised volatility per √second over the short and the long trailing window (0 until they have returns). */
  sigmaShort: number;
  sigmaLong: number;
  /** Gas of a mint and a burn at the venue's gas price and the current ETH price, dollars. */
  roundTripGasUsd: number;
}

export type LpExitReason = 'out-of-range' | 'fee-tier' | 'volatility' | 'risk' | 'stop';

declare module '../../runtime/messages.js' {
  interface MessageMap {
    /** AMM feed → LP strategies: the pools after a recorded block, the advisor's tier and the volatility windows. */
    'amm.observed': AmmObservation;
    /** Host → LP strategy: withdraw and provide no more (the session's end). */
    'amm.withdraw': { reason: string };
    /** LP venue effects → strategy: the approved mint, done or not. */
    'amm.minted': { intentId: string; ok: boolean; detail: string; position?: LpPosition };
    /** LP venue effects → strategy: the position's burn and collect, done or not. */
    'amm.burned': { positionId: string; intentId: string; ok: boolean; detail: string; pnlUsd?: number };
    'amm.lp.opened': { position: LpPosition; recentre: boolean };
    'amm.lp.closed': { positionId: string; reason: LpExitReason; pnlUsd?: number };
    'amm.lp.skipped': { reason: 'denied' | 'mint-failed' | 'burn-failed'; detail: string };
  }
}

/** What the LP machine asks its host to do on the venue. */
export type AmmLpEffect =
  | { type: 'amm.mint'; intentId: string; approval: Approval; fee: number; tickLower: number; tickUpper: number; recordedTs: number }
  | { type: 'amm.burn'; positionId: string; intentId: string; units: number; reason: LpExitReason };

export type AmmLpEvent = Message<'amm.observed' | 'amm.withdraw' | 'amm.minted' | 'amm.burned' | 'risk.changed' | 'orders.approved' | 'orders.denied'>;
