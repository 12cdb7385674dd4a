import type { AnyStateMachine } from 'xstate';
import type { CandleSeries } from '../market-data/candles/load-candles.js';
import type { RiskLimits } from '../risk/limits.js';
import { SimulatedClock } from '../runtime/clock.js';
import { InputError } from '../runtime/errors.js';
import { ReplayVenue } from '../venues/replay/replay-venue.js';
import type { FillModel } from '../venues/replay/fill-model.js';
import { replayTarget, type HostKind } from './replay-target.js';
import { LOOSE_RISK_LIMITS } from './risk-profiles.js';
import { buildTimeline } from './timeline.js';
import { TradeBook } from './trade-book.js';
import { summarize, type BacktestResult } from './summarize.js';
import { marketsOf } from './markets-of.js';
import type { EffectHandler } from '../runtime/actor-spec.js';
import type { RebalanceMessage } from '../strategies/quantum-portfolio/messages.js';

export interface BacktestStrategy {
  /** Instance name, unique in the run (e.g. `sma-cross` or `sma-cross.ADA_BTC-5m`). */
  name: string;
  series: CandleSeries;
  /** Every market a multi-market strategy trades, `series` first; absent for a one-market strategy. */
  markets?: readonly CandleSeries[];
  capital: number;
  machine: AnyStateMachine;
  input: unknown;
  /** Rests and cancels limit orders: only the `trading` host (with the execution actor) can run it. */
  requiresExecution?: boolean;
  /** Reads a pattern actor on its symbol: the `trading` and `actors` hosts run one there. */
  patterns?: boolean;
  /** I/O its machine asks for: only the `trading` host runs it. */
  effects?: Record<string, EffectHandler>;
}


export interface BacktestOptions {
  strategies: readonly BacktestStrategy[];
  model: FillModel;
  venueId: string;
  periodsPerYear?: number;
  riskFree?: number;
  /** Called every `progressEvery` steps with (stepsDone, totalSteps). */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
  /**
   * `trading` (default): the tree the paper session boots (risk, ledger, execution, venue actor, strategies).
   * `actors`: strategies and risk on the ActorSystem with a gateway to the venue. `direct`: machines only, no risk.
   */
  host?: HostKind;
  /** Risk limits; defaults to LOOSE_RISK_LIMITS so the reference strategy is judged but not resized. */
  riskLimits?: Partial<RiskLimits>;
}

/**
 * Replays candles through the strategies and a ReplayVenue on a SimulatedClock.
 * Per step: the clock moves to the bars' open and the venue matches resting orders on them; the system settles;
 * the clock moves to the close, `candle.closed` is delivered and intents become venue orders stamped with the
 * close time; the system settles again. So a decision on bar t's close can only fill on bar t+1 or later.
 */
export async function runBacktest(opts: BacktestOptions): Promise<BacktestResult> {
  const host = opts.host ?? 'trading';
  const needy = opts.strategies.find((s) => s.requiresExecution);
  if (needy && host !== 'trading') throw new InputError(`strategy ${needy.name} rests and cancels orders: run it with --host trading`);
  const reader = opts.strategies.find((s) => s.patterns);
  if (reader && host === 'direct') throw new InputError(`strategy ${reader.name} reads a pattern actor, which the direct host does not run: use --host trading or actors, or --no-patterns`);
  const several = opts.strategies.find((s) => s.markets || s.effects);
  if (several && host !== 'trading') throw new InputError(`strategy ${several.name} trades several markets on a step's bars and asks its actor for a solver: run it with --host trading`);
  const { steps, timeframeMs } = buildTimeline(opts.strategies.flatMap(marketsOf).filter((s, i, all) => all.indexOf(s) === i));
  const clock = new SimulatedClock(steps[0]!.ts);
  const venue = new ReplayVenue(opts.venueId, opts.model, clock);
  const book = new TradeBook(opts.strategies.map((s) => ({ strategy: s.name, symbols: marketsOf(s).map((m) => m.symbol), capital: s.capital })));
  const journal: string[] = [];
  const rebalances: RebalanceMessage[] = [];
  const target = replayTarget({
    host,
    clock,
    venue,
    timeframeMs,
    strategies: opts.strategies.map((s) => ({ name: s.name, symbol: s.series.symbol, machine: s.machine, input: s.input, effects: s.effects })),
    patternSymbols: [...new Set(opts.strategies.filter((s) => s.patterns).map((s) => s.series.symbol))],
    capital: opts.strategies.reduce((a, s) => a + s.capital, 0),
    riskLimits: opts.riskLimits ?? LOOSE_RISK_LIMITS,
    onFill: (fill) => book.record(fill),
    onRebalance: (r) => rebalances.push(r),
    journal,
  });

  const bySymbol = new Map<string, BacktestStrategy[]>();
  for (const s of opts.strategies) for (const { symbol } of marketsOf(s)) bySymbol.set(symbol, [...(bySymbol.get(symbol) ?? []), s]);
  const equity = new Map<string, number[]>(opts.strategies.map((s) => [s.name, new Array<number>(steps.length)]));
  const inPosition = new Map<string, number>(opts.strategies.map((s) => [s.name, 0]));
  const every = opts.progressEvery ?? 1000;

  for (let k = 0; k < steps.length; k++) {
    const step = steps[k]!;
    clock.set(step.ts);
    target.openBars(step.bars);
    await target.whenQuiescent();
    clock.set(step.ts + timeframeMs);
    target.closeBars(step.bars);
    for (const { symbol, candle } of step.bars) for (const s of bySymbol.get(symbol) ?? []) book.mark(s.name, symbol, candle.close);
    await target.whenQuiescent();
    for (const s of opts.strategies) {
      equity.get(s.name)![k] = book.equity(s.name);
      if (book.inMarket(s.name)) inPosition.set(s.name, inPosition.get(s.name)! + 1);
    }
    if (opts.onProgress && (k % every === 0 || k === steps.length - 1)) opts.onProgress(k + 1, steps.length);
  }
  const messagesDelivered = target.delivered();
  await target.stop();

  return summarize({ strategies: opts.strategies, steps, book, equity, inPosition, journal, rebalances, messagesDelivered, model: opts.model, periodsPerYear: opts.periodsPerYear, riskFree: opts.riskFree });
}
