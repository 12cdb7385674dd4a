import type { Store } from '../actors/ledger/storage/store.js';
import { describeJournal, sessionJournal } from '../actors/ledger/storage/open-journal.js';
import { FAMILIES, type Family } from '../actors/strategies/catalogue/strategy-declaration.js';
import type { BudgetSnapshot } from '../actors/risk/global-budget/types.js';
import type { AllocationSummary } from './allocation-bridge.js';
import type { RunningFamily } from './running-family.js';
import type { FamilyOff } from './session-plan.js';
import { familyOf, mergeCounts, type FamilyOffReport, type FamilyReport, type FamilySummary } from './session-summary.js';
import type { RunPaperOptions } from './run-paper-session.js';

/**
 * The family fields as totals over every family that traded (equityStart is config.capital; equityEnd adds their
 * P&L, idle capital staying as it was; actors are listed as `<family>/<name>`; riskState is the most severe),
 * plus what only the session as a whole has.
 */
export interface SessionSummary extends Omit<FamilySummary, 'capital'> {
  mode: 'paper';
  /** This run's id on the journal: part of its intent ids, client order ids and paper fill ids. */
  session: string;
  /** What stopped the session early (`SIGINT`, `SIGTERM`), or null when it ran to its end or duration. */
  interrupted: string | null;
  symbol: string;
  bars: number;
  /** Orders left open by an earlier run, settled against the venue before this one traded. */
  reconciled: { settled: number; cancelled: number; lost: number; unresolved: number };
  /** Every family of `allocation`, by its key: what it traded, or why it did not. */
  strategies: Record<Family, FamilyReport | FamilyOffReport>;
  /** The allocator: weights it holds, its samples, every reallocation, and why the weights are static if they are. */
  allocator: AllocationSummary;
  /**
   * On a cluster node: its id, the budget's key prefix, what the shared budget held at the stop, and per symbol the
   * largest cluster position a reservation of this node was accepted at (GlobalBudget.acceptedPeaks).
   */
  cluster?: { node: string; keyPrefix: string; budget: BudgetSnapshot; acceptedPeaks: Readonly<Record<string, number>> };
  /** With `chaos.killRate` > 0: the kills published (their restarts are journaled with error `Error: killed: chaos <n>`). */
  chaos?: { actorKills: number };
  wallSeconds: number;
  db: string;
}

export function familyReport(f: RunningFamily, share: number): FamilyReport {
  const equityEnd = f.equity();
  const summary = familyOf(f.trading, f.counters.read(), f.plan.capital, equityEnd);
  return {
    enabled: true,
    family: f.plan.family,
    share,
    host: f.plan.host,
    strategies: f.plan.strategies.map((s) => s.declaration.name),
    ...(f.plan.held.length > 0 ? { held: f.plan.held } : {}),
    ...summary,
    pnl: equityEnd - f.plan.capital,
    ...f.details(),
  };
}

export function sessionSummary(
  options: RunPaperOptions,
  reports: FamilyReport[],
  off: readonly FamilyOff[],
  rest: Pick<SessionSummary, 'bars' | 'wallSeconds' | 'reconciled' | 'riskState' | 'interrupted' | 'allocator'>,
): SessionSummary {
  const { config } = options;
  const strategies = {} as SessionSummary['strategies'];
  // planPaperFamilies puts every family either among those that run or among those that are off.
  for (const family of FAMILIES) {
    const share = config.allocation[family];
    const why = off.find((o) => o.family === family)!;
    strategies[family] = reports.find((r) => r.family === family) ?? { enabled: false, share, capital: config.capital * share, disabledReason: why.disabledReason, detail: why.detail };
  }
  return {
    mode: 'paper',
    session: options.sessionId,
    interrupted: rest.interrupted,
    symbol: config.paper.symbol,
    bars: rest.bars,
    orders: reports.reduce((n, p) => n + p.orders, 0),
    fills: reports.reduce((n, p) => n + p.fills, 0),
    vetoes: reports.reduce((n, p) => n + p.vetoes, 0),
    vetoReasons: reports.reduce((r, p) => mergeCounts(r, p.vetoReasons), {} as Record<string, number>),
    restarts: reports.reduce((n, p) => n + p.restarts, 0),
    deadLetters: reports.reduce((n, p) => n + p.deadLetters, 0),
    equityStart: config.capital,
    equityEnd: config.capital + reports.reduce((pnl, p) => pnl + p.pnl, 0),
    actors: reports.flatMap((r) => r.actors.map((a) => `${r.family}/${a}`)),
    haltedBy: reports.find((r) => r.haltedBy)?.haltedBy ?? null,
    riskState: rest.riskState,
    reconciled: rest.reconciled,
    strategies,
    allocator: rest.allocator,
    wallSeconds: rest.wallSeconds,
    db: describeJournal(sessionJournal(options)),
  };
}

export function saveSnapshots(store: Store, f: RunningFamily): void {
  const prefix = f.plan.family === 'market_making' ? '' : `${f.plan.family}/`;
  for (const name of f.trading.system.actorNames()) store.snapshots.save(`${prefix}${name}`, f.trading.system.actor(name)?.persistedSnapshot());
}
