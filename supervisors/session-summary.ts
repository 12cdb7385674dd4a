import type { TradingSystem } from './boot.js';
import type { Family } from '../actors/strategies/catalogue/strategy-declaration.js';
import type { Host } from './session-plan.js';

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
  /** Why trading halted: an escalation past the root, or risk's last HALTED with its reason and market day. */
  haltedBy: string | null;
}

/** A family that traded this session: its trading system's figures, the strategies it ran and its host's own details. */
export interface FamilyReport extends FamilySummary {
  enabled: true;
  family: Family;
  /** Its allocation share at the start. */
  share: number;
  host: Host;
  strategies: string[];
  /** equityEnd − equityStart, quote currency, measured (not a forecast). */
  pnl: number;
  [detail: string]: unknown;
}

/** A family of `allocation` that did not trade, and why: its capital sat idle. */
export interface FamilyOffReport {
  enabled: false;
  share: number;
  capital: number;
  disabledReason: string;
  detail: string;
}

const SEVERITY = ['ACTIVE', 'REDUCING', 'HALTED'];

/** Orders the family's execution still works (each an order machine not yet final). */
export function openOrderCount(trading: TradingSystem): number {
  const execution = trading.system.actor('execution')?.snapshot() as { context?: { orders?: Record<string, unknown> } } | undefined;
  return Object.keys(execution?.context?.orders ?? {}).length;
}

export function riskStateOf(trading: Pick<TradingSystem, 'system'>): string {
  return String((trading.system.actor('risk')?.snapshot() as { value?: unknown } | undefined)?.value ?? 'unknown');
}

/** The most severe of the families' risk states (unknown counts as most severe). */
export function worstRiskState(states: string[]): string {
  return states.reduce((worst, s) => (SEVERITY.indexOf(s) === -1 || SEVERITY.indexOf(s) > SEVERITY.indexOf(worst) ? s : worst), 'ACTIVE');
}

type Counts = Pick<FamilySummary, 'orders' | 'fills' | 'vetoes' | 'vetoReasons'> & { haltedBy?: string };

/** `haltedBy`: an escalation past the root, else the last halt risk announced, else null. */
export function familyOf(trading: TradingSystem, counts: Counts, capital: number, equityEnd: number): FamilySummary {
  const { haltedBy, ...rest } = counts;
  return {
    capital,
    ...rest,
    restarts: trading.system.restartCount(),
    deadLetters: trading.system.deadLettered,
    equityStart: capital,
    equityEnd,
    actors: trading.system.actorNames(),
    riskState: riskStateOf(trading),
    haltedBy: trading.haltedBy() ?? haltedBy ?? null,
  };
}

export function mergeCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n;
  return out;
}
