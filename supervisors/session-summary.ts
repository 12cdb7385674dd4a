import type { TradingSystem } from './boot.js';
import type { ArbOutcomeCounts } from './session-counters.js';

/** What one strategy family's trading system did in the session. */
export interface FamilySummary {
  /** config.capital × this family's allocation: its risk actor's capital. */
  capital: number;
  orders: number;
  fills: number;
  vetoes: number;
  vetoReasons: Record<string, number>;
  restarts: number;
  deadLetters: number;
  equityStart: number;
  equityEnd: number;
  actors: string[];
  riskState: string;
  haltedBy: string | null;
}

export interface ArbitrageSummary extends FamilySummary {
  enabled: true;
  venues: string[];
  /** Every market's connection reported market.live before the replay started. */
  live: boolean;
  /** Windows opened on purpose (jumps of strategies.arbitrage.windowSize). */
  windows: number;
  outcomes: ArbOutcomeCounts['byStrategy'];
  /** Realised P&L per currency over every outcome, as the leg-risk machines measured it. */
  pnl: Record<string, number>;
}

const SEVERITY = ['ACTIVE', 'REDUCING', 'HALTED'];

export function riskStateOf(trading: TradingSystem): string {
  return String((trading.system.actor('risk')?.snapshot() as { value?: unknown } | undefined)?.value ?? 'unknown');
}

/** The most severe of the families' risk states (unknown counts as most severe). */
export function worstRiskState(states: string[]): string {
  return states.reduce((worst, s) => (SEVERITY.indexOf(s) === -1 || SEVERITY.indexOf(s) > SEVERITY.indexOf(worst) ? s : worst), 'ACTIVE');
}

export function familyOf(trading: TradingSystem, counts: Pick<FamilySummary, 'orders' | 'fills' | 'vetoes' | 'vetoReasons'>, capital: number, equityEnd: number): FamilySummary {
  return {
    capital,
    ...counts,
    restarts: trading.system.restartCount(),
    deadLetters: trading.system.deadLettered,
    equityStart: capital,
    equityEnd,
    actors: trading.system.actorNames(),
    riskState: riskStateOf(trading),
    haltedBy: trading.haltedBy() ?? null,
  };
}

export function mergeCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n;
  return out;
}
