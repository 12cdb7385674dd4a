import { FeeAdvisor } from '../../amm/economics/fee-advisor.js';
import { TrailingWindow } from '../../amm/economics/trailing-window.js';
import type { MessageMap } from '../../runtime/messages.js';
import type { MarketStep } from '../../venues/amm/lp-venue.js';
import { gasUsd, LP_GAS } from '../../venues/amm/lp-gas.js';
import '../../strategies/amm-lp/amm-lp.messages.js';

export interface AmmObserverOptions {
  venue: string;
  /** The fee tiers the venue has (hundredths of a bip): the advisor picks among them. */
  fees: readonly number[];
  /** The pool whose flow the advisor and the volatility read: the deepest one (default the lowest tier). */
  referenceFee?: number;
  shortWindowMs?: number;
  longWindowMs?: number;
  /** The venue's gas price: the round trip's gas in dollars is LP_GAS at it. */
  gasPriceGwei: number;
  /** Blocks in a row the advisor must pick a new tier before it is reported (default 20, about 4 recorded minutes). */
  settleBlocks?: number;
}

/**
 * What the LP strategies are told after each recorded block: every pool's tick and price, the fee tier the fee
 * advisor (actors/amm/economics) picks from the reference pool's flow so far (a new pick once it has held for
 * `settleBlocks`: a tier change costs a mint and a burn), and realised volatility over a short
 * and a long trailing window of that flow (per √second, block-level returns).
 */
export class AmmObserver {
  private readonly advisor: FeeAdvisor;
  private readonly short: TrailingWindow;
  private readonly long: TrailingWindow;
  private readonly flows = new Map<number, TrailingWindow>();
  private readonly reference: number;
  private swaps = 0;
  private settled: number | undefined;
  private candidate: { fee: number; blocks: number } | undefined;

  constructor(private readonly options: AmmObserverOptions) {
    this.reference = options.referenceFee ?? Math.min(...options.fees);
    this.advisor = new FeeAdvisor({ currentFee: this.reference / 1_000_000, tiers: options.fees.map((f) => f / 1_000_000) });
    this.short = new TrailingWindow(options.shortWindowMs ?? 5 * 60_000);
    this.long = new TrailingWindow(options.longWindowMs ?? 60 * 60_000);
  }

  see(step: MarketStep): MessageMap['amm.observed'] {
    for (const s of step.swaps) {
      const swap = { ts: s.ts, price: s.priceUsd, volumeUsd: s.volumeUsd, liquidityUsd: s.liquidityUsd };
      this.flow(s.fee).push(swap);
      if (s.fee !== this.reference) continue;
      this.advisor.update(swap);
      this.short.push(swap);
      this.long.push(swap);
      this.swaps++;
    }
    const advisorFee = this.swaps > 1 ? this.settle(Math.round(this.advisor.recommend().tierChoice.fee * 1_000_000)) : undefined;
    return {
      venue: this.options.venue,
      block: step.block,
      recordedTs: step.ts,
      pools: step.pools.map((p) => {
        const flow = this.flow(p.fee).stats();
        return { fee: p.fee, tickSpacing: p.tickSpacing, tick: p.tick, priceUsd: p.priceUsd, volumePerSecUsd: flow.volumePerSecUsd, liquidityUsd: flow.liquidityUsd };
      }),
      ...(advisorFee !== undefined ? { advisorFee } : {}),
      sigmaShort: this.short.stats().sigmaPerSqrtSec,
      sigmaLong: this.long.stats().sigmaPerSqrtSec,
      roundTripGasUsd: gasUsd(LP_GAS.mint + LP_GAS.burn, this.options.gasPriceGwei, step.pools.find((p) => p.fee === this.reference)?.priceUsd ?? 0),
    };
  }

  /** The first pick is reported at once; a change only once it has held for settleBlocks blocks in a row. */
  private settle(pick: number): number {
    if (this.settled === undefined || pick === this.settled) {
      this.settled = pick;
      this.candidate = undefined;
      return pick;
    }
    this.candidate = this.candidate?.fee === pick ? { fee: pick, blocks: this.candidate.blocks + 1 } : { fee: pick, blocks: 1 };
    if (this.candidate.blocks >= (this.options.settleBlocks ?? 20)) {
      this.settled = pick;
      this.candidate = undefined;
    }
    return this.settled;
  }

  private flow(fee: number): TrailingWindow {
    let window = this.flows.get(fee);
    if (!window) this.flows.set(fee, (window = new TrailingWindow(this.long.windowMs)));
    return window;
  }
}
