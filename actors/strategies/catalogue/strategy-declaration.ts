import type { z } from 'zod';
import type { ActorSpec, EffectHandler } from '../../runtime/actor-spec.js';
import type { MessageType } from '../../runtime/messages.js';
import type { SpotMarket } from '../triangular/snapshot.js';

/** The allocation families (config `allocation` keys): every strategy belongs to exactly one. */
export const FAMILIES = ['flash_loans', 'arbitrage', 'market_making', 'ai_trading', 'quantum_trading'] as const;
export type Family = (typeof FAMILIES)[number];

/** What a strategy reads: recorded or live candles, order books, trades, DEX pools, a recorded day of DEX swaps, news. */
export type DataNeed = 'candles' | 'books' | 'trades' | 'pools' | 'swaps' | 'news';

/** Where a strategy can run: `arbiter backtest`, `arbiter run` (paper) and `arbiter run --live`. */
export const WHERES = ['backtest', 'paper', 'live'] as const;
export type Where = (typeof WHERES)[number];

/**
 * What the hosting session gives a strategy to build its actor from. Each host fills in what its
 * venues have; a declaration reads only the fields its `needs` imply.
 */
export interface StrategyHost {
  /** Instance name: the actor is `strategy:<name>`, its intents carry it. Usually the catalogue name. */
  name: string;
  /** This run's id on the journal, so intent ids never repeat across runs (paper and live). */
  session?: string;
  /** Capital of the risk actor the strategy trades under, quote currency. */
  capital: number;
  /** The risk limits it trades under (strategies size below them; risk still vetoes). */
  limits: { maxPositionFraction: number; minExpectedProfit: number; maxNotionalPerOrder?: number };
  /** The venue a single-venue strategy trades on, and its market (candle strategies, cross-exchange's pair). */
  venue: string;
  symbol: string;
  /** Every market of a strategy that trades several at once (`multiMarket`), `symbol` first. */
  symbols?: readonly string[];
  /** Taker fee per venue id the strategy may trade on (cross-venue strategies use all of them). */
  fees: Record<string, number>;
  /** The markets of `venue`, with their rules and books (book-driven strategies). */
  markets?: readonly SpotMarket[];
  /** Value of one unit of an asset in the capital's currency, at current mids (sizing legs in each leg's quote). */
  price?(asset: string): number;
  /** I/O the venue runs for a strategy whose machine asks for it (the chain's evaluate / submit / follow-up). */
  effects?: Record<string, EffectHandler>;
  /** A pattern actor (issue 13) publishes `pattern.detected` / `pattern.invalidated` for `symbol` beside the strategy. */
  patterns?: boolean;
}

/** What a run tells a strategy beyond its parameters, for `unavailable` and `prepare`. */
export interface StrategyContext {
  /** The run's journal (SQLite file), where `arbiter train` stores models; absent when the run has none. */
  dbFile?: string;
  /** Trade a stored model its walk-forward evaluation disabled (`arbiter backtest --allow-disabled`), with a warning. */
  allowDisabledModels?: boolean;
  /** The bar length of the candles the run trades on, ms (a model trained on other bars cannot read them). */
  timeframeMs?: number;
  /** Tells the operator something that does not stop the run. */
  warn?(message: string): void;
}

/** A strategy, declared once: what it is, what it needs, where it runs and how to build its actor. */
export interface StrategyDeclaration<P extends Record<string, unknown> = Record<string, unknown>, R = unknown> {
  /** Catalogue name, e.g. `market-making`: the `--strategy` value and (camelCased) its config key under `strategies`. */
  name: string;
  family: Family;
  /** One line for `arbiter strategies`. */
  summary: string;
  /** The XState machine its actor runs: the module under machines/ and the machine's id. */
  machine: { file: string; id: string };
  /** Its parameters (zod, strict, every field with a default and a description). */
  params: z.ZodType<P, Record<string, unknown>>;
  /** Message types its actor subscribes to. */
  subscribes: readonly MessageType[];
  needs: readonly DataNeed[];
  runs: readonly Where[];
  /** Left out of the paper session unless `paper.strategies` lists it (a baseline, or a strategy the default capital cannot trade). Default true. */
  inDefaultSession?: boolean;
  /**
   * Why it cannot trade now with these parameters (say, no trained model beat its baseline out of sample), or
   * undefined when it can. A session leaves it out and says why; a family left with none is off for that reason.
   */
  unavailable?(params: P, context: StrategyContext): string | undefined;
  /**
   * Loads what `actor` needs that the run's context holds and that may take time (a trained model), once it is
   * available; the result is `actor`'s third argument. Without it, `actor` gets undefined.
   */
  prepare?(params: P, context: StrategyContext): Promise<R>;
  /**
   * It trades several markets of one venue at once, deciding on a whole step's bars (`candles.closed`): a backtest
   * gives one instance every `--data` file, the paper session the files of `paper.universe`.
   */
  multiMarket?: boolean;
  /** It rests limit orders and cancels them (in a backtest, only the execution actor's host handles that). */
  restsOrders?: boolean;
  actor(host: StrategyHost, params: P, prepared?: R): ActorSpec;
}

/** Declares a strategy with its parameter type inferred from its schema (and what `prepare` loads, from it). */
export function declareStrategy<S extends z.ZodType<Record<string, unknown>, Record<string, unknown>>, R = undefined>(
  d: Omit<StrategyDeclaration<z.output<S>, R>, 'params'> & { params: S },
): StrategyDeclaration {
  return d as unknown as StrategyDeclaration;
}

/**
 * Why a strategy cannot trade with these parameters in this context, or what `prepare` loaded for its actor.
 * Callers turn `{ unavailable }` into an InputError or a family that is off.
 */
export async function prepareStrategy(d: StrategyDeclaration, params: Record<string, unknown>, context: StrategyContext): Promise<{ unavailable: string } | { prepared: unknown }> {
  const reason = d.unavailable?.(params, context);
  if (reason) return { unavailable: reason };
  return { prepared: await d.prepare?.(params, context) };
}

/** The config key of a strategy's parameters under `strategies`: its name in camelCase (`market-making` → `marketMaking`). */
export function configKey(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
