import type { LpExitReason, LpPosition } from '../../strategies/amm-lp/amm-lp.messages.js';
import type { BurnResult, LpVenue, MintResult } from './lp-venue.js';
import { amountsUsd } from './position-amounts.js';

/** One position from mint to burn, dollars. */
export interface LpRound {
  positionId: string;
  fee: number;
  tickLower: number;
  tickUpper: number;
  depositedUsd: number;
  withdrawnUsd: number;
  feesUsd: number;
  gasUsd: number;
  /** Principal withdrawn less what the minted tokens would be worth held: the range's impermanent loss (negative: a loss). */
  ilUsd: number;
  /** withdrawn + fees − deposited − gas. */
  pnlUsd: number;
  reason: LpExitReason;
}

export interface LpSummary {
  opened: number;
  closed: number;
  /** Positions opened right after one left its range or tier (re-centres). */
  recentres: number;
  byReason: Partial<Record<LpExitReason, number>>;
  depositedUsd: number;
  feesUsd: number;
  gasUsd: number;
  ilUsd: number;
  pnlUsd: number;
  /** Still open at the end (a session stops by withdrawing: 0 unless a burn failed). */
  open: number;
  rounds: LpRound[];
}

/** One position from its mint to its burn at `priceUsd`, against holding the tokens it was minted with. */
export function lpRound(mint: MintResult, burn: BurnResult, priceUsd: number, reason: LpExitReason): LpRound {
  const gasUsd = mint.gasUsd + burn.gasUsd;
  return {
    positionId: mint.positionId, fee: mint.fee, tickLower: mint.tickLower, tickUpper: mint.tickUpper, depositedUsd: mint.depositedUsd, withdrawnUsd: burn.withdrawnUsd,
    feesUsd: burn.feesUsd, gasUsd, ilUsd: burn.withdrawnUsd - amountsUsd(mint.amount0, mint.amount1, priceUsd), pnlUsd: burn.withdrawnUsd + burn.feesUsd - mint.depositedUsd - gasUsd, reason,
  };
}

/** What the LP effects did, position by position, with holding as the impermanent-loss baseline. */
export class LpTally {
  private readonly minted = new Map<string, { position: LpPosition; mint: MintResult }>();
  private readonly rounds: LpRound[] = [];
  private recentres = 0;

  constructor(private readonly venue: LpVenue) {}

  opened(position: LpPosition, mint: MintResult, recentre = false): void {
    this.minted.set(position.positionId, { position, mint });
    if (recentre) this.recentres++;
  }

  /** An open position by id, undefined once burned or if never minted. */
  position(positionId: string): LpPosition | undefined {
    return this.minted.get(positionId)?.position;
  }

  openPositions(): { position: LpPosition; mint: MintResult }[] {
    return [...this.minted.values()];
  }

  /** The round's P&L in dollars. */
  closed(position: LpPosition, burn: BurnResult, reason: LpExitReason): number {
    const entry = this.minted.get(position.positionId);
    if (!entry) throw new Error(`LP tally: position ${position.positionId} closed but never opened`);
    this.minted.delete(position.positionId);
    const round = lpRound(entry.mint, burn, this.venue.pool(position.fee).priceUsd, reason);
    this.rounds.push(round);
    return round.pnlUsd;
  }

  summary(): LpSummary {
    const sum = (f: (r: LpRound) => number) => this.rounds.reduce((s, r) => s + f(r), 0);
    const byReason: LpSummary['byReason'] = {};
    for (const r of this.rounds) byReason[r.reason] = (byReason[r.reason] ?? 0) + 1;
    const openGas = [...this.minted.values()].reduce((s, m) => s + m.mint.gasUsd, 0);
    return {
      opened: this.rounds.length + this.minted.size,
      closed: this.rounds.length,
      recentres: this.recentres,
      byReason,
      depositedUsd: sum((r) => r.depositedUsd) + [...this.minted.values()].reduce((s, m) => s + m.mint.depositedUsd, 0),
      feesUsd: sum((r) => r.feesUsd),
      gasUsd: sum((r) => r.gasUsd) + openGas,
      ilUsd: sum((r) => r.ilUsd),
      pnlUsd: sum((r) => r.pnlUsd) - openGas,
      open: this.minted.size,
      rounds: this.rounds,
    };
  }
}
