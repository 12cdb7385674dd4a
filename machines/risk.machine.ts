import { assign, emit, enqueueActions, not, setup } from 'xstate';
import type { Message } from '../actors/runtime/messages.js';
import type { Approval } from '../actors/risk/approval.js';
import type { Denial } from '../actors/risk/messages.js';
import type { RiskState } from '../actors/risk/intent.js';
import type { Position } from '../actors/risk/risk-view.js';
import { DEFAULT_RISK_LIMITS, type RiskLimits } from '../actors/risk/limits.js';
import { judgeBatch } from '../actors/risk/judge-batch.js';
import { midPrice } from '../actors/market-data/types.js';
import {
  advanceTo, applyCloses, applyFeedLive, applyFeedStale, applyFill, applyMark, applyToxicity, forgetOwner, applyOrderUpdate, newRiskBook, releaseReservation, releasesReservation, utcDay, withCapital, type RiskBook,
} from '../actors/risk/risk-book.js';

declare module '../actors/runtime/messages.js' {
  interface MessageMap {
    /** Execution → risk: part of an approval will never be placed (e.g. the splitter dropped it); release its reservation. */
    'order.unplaced': { intentId: string; amount: number; reason: string };
    /** Allocator bridge → risk: this book's capital is now `capital` (a reallocation between families). */
    'risk.capital': { capital: number; reason: string };
    /** Risk → observers: the capital changed; equity, day-start equity and peak moved by the same amount. */
    'risk.capitalChanged': { capital: number; previous: number; reason: string };
  }
}

export type RiskEvent = Message<
  | 'order.intents' | 'orders.updated' | 'book.updated' | 'candle.closed' | 'candles.closed' | 'order.unplaced' | 'risk.halt' | 'risk.rearm'
  | 'market.stale' | 'market.live' | 'market.toxicity' | 'arb.outcome' | 'risk.capital'
>;

export type RiskEmitted =
  | { type: 'orders.approved'; approvals: readonly Approval[] }
  | { type: 'orders.denied'; denials: readonly Denial[]; to: string }
  | { type: 'orders.cancelAll'; reason: string }
  | { type: 'risk.changed'; state: RiskState; reason: string }
  | { type: 'risk.capitalChanged'; capital: number; previous: number; reason: string };

export type HaltCause = 'daily_loss' | 'drawdown' | 'manual';

export interface RiskContext {
  book: RiskBook;
  limits: RiskLimits;
  haltCause?: HaltCause;
  haltDetail?: string;
  /** UTC day on which risk halted. */
  haltDay?: number;
  /** The last 64 judged intent ids: a repeated intent is denied, never approved twice. */
  seenIntents: string[];
}

export interface RiskInput {
  capital: number;
  limits?: Partial<RiskLimits>;
  /** Start time (epoch ms) from the host's clock. */
  startTs: number;
  /** Positions held at the start: what earlier runs on this journal left at venues that outlive a process. */
  positions?: Record<string, Position>;
}

function dailyLossBreach(ctx: RiskContext, fraction: number): boolean {
  const equity = ctx.book.equity;
  return equity - ctx.book.dayStartEquity <= -fraction * ctx.book.dayStartEquity;
}

function drawdownBreach(ctx: RiskContext): boolean {
  const equity = ctx.book.equity;
  return ctx.book.peakEquity - equity >= ctx.limits.maxDrawdownFraction * ctx.book.peakEquity;
}

function describeLoss(ctx: RiskContext): string {
  const equity = ctx.book.equity;
  const pnl = equity - ctx.book.dayStartEquity;
  return `daily P&L ${pnl.toFixed(2)} on day-start equity ${ctx.book.dayStartEquity.toFixed(2)}`;
}

/**
 * Every event first moves the clock of the book (which may start a new UTC day), then updates it; the updates
 * that copy the book anyway (marks, fills) move the clock in the same copy.
 */
function observe(ctx: RiskContext, event: RiskEvent): RiskBook {
  switch (event.type) {
    case 'orders.updated': {
      // Fills first: an update's `filled` already counts them.
      let next = event.fills.length > 0 ? ctx.book : advanceTo(ctx.book, event.ts);
      for (const fill of event.fills) next = applyFill(next, fill, ctx.limits.maxLossStreak, ctx.limits.cooldownMs, event.ts);
      for (const order of event.updates) next = applyOrderUpdate(next, order);
      return next;
    }
    case 'book.updated':
      return applyMark(ctx.book, event.book.venue, event.book.symbol, midPrice(event.book), event.ts);
    case 'candle.closed':
      return applyMark(ctx.book, event.venue, event.symbol, event.candle.close, event.ts);
    case 'candles.closed':
      // The step's marks all land before the limits are checked: equity at time t counts every price at t.
      return applyCloses(ctx.book, event.venue, event.bars, event.ts);
  }
  const book = advanceTo(ctx.book, event.ts);
  switch (event.type) {
    case 'order.unplaced':
      return releaseReservation(book, event.intentId, event.amount);
    case 'market.live':
      return applyFeedLive(book, event.venue, event.symbol, event.ts);
    case 'market.stale':
      return applyFeedStale(book, event.venue, event.symbol, event.lastUpdateTs);
    case 'market.toxicity':
      return applyToxicity(book, event.venue, event.symbol, event.vpin, event.percentile, event.ts);
    case 'arb.outcome':
      return forgetOwner(book, event.groupId);
    default:
      return book;
  }
}

function byStrategy(denials: readonly Denial[]): Map<string, Denial[]> {
  const out = new Map<string, Denial[]>();
  for (const d of denials) {
    const list = out.get(d.intent.strategy);
    if (list) list.push(d);
    else out.set(d.intent.strategy, [d]);
  }
  return out;
}

export const riskMachine = setup({
  types: {
    context: {} as RiskContext,
    events: {} as RiskEvent,
    emitted: {} as RiskEmitted,
    input: {} as RiskInput,
  },
  guards: {
    haltBreach: ({ context }) => dailyLossBreach(context, context.limits.maxDailyLossFraction) || drawdownBreach(context),
    reduceBreach: ({ context }) =>
      dailyLossBreach(context, context.limits.reduceAtDailyLossFraction) || context.book.now < context.book.cooldownUntil,
    /** Most order reports carry no fill, do not advance the clock and release no reservation: no transition, no context copy. */
    reportMovesBook: ({ context, event }) =>
      event.type !== 'orders.updated' || event.fills.length > 0 || event.ts > context.book.now || event.updates.some((order) => releasesReservation(context.book, order)),
    /** A capital that is not a finite, non-negative number is ignored (and not announced). */
    validCapital: ({ event }) => event.type === 'risk.capital' && Number.isFinite(event.capital) && event.capital >= 0,
    /** A VPIN outside [0, 1] (or not a number) is ignored. */
    validToxicity: ({ event }) => event.type === 'market.toxicity' && event.vpin >= 0 && event.vpin <= 1 && event.percentile >= 0 && event.percentile <= 1,
    /** A halt caused by the daily loss ends when a new UTC day starts (seen in event timestamps). */
    newDayAfterDailyLoss: ({ context }) =>
      context.haltCause === 'daily_loss' && context.haltDay !== undefined && context.book.day > context.haltDay,
  },
  actions: {
    observe: assign({ book: ({ context, event }) => observe(context, event) }),
    /** One decision judged in one transition: one approvals batch, and the denials addressed to their strategies. */
    judge: enqueueActions(({ context, event, enqueue }, params: { state: RiskState }) => {
      if (event.type !== 'order.intents') return;
      const decision = judgeBatch({
        book: advanceTo(context.book, event.ts), seenIntents: context.seenIntents, limits: context.limits, state: params.state,
        intents: event.intents, allOrNone: event.allOrNone === true, ts: event.ts,
      });
      enqueue.assign({ book: decision.book, seenIntents: decision.seenIntents });
      if (decision.approvals.length > 0) enqueue.emit({ type: 'orders.approved', approvals: decision.approvals });
      if (decision.denials.length === 0) return;
      for (const [strategy, denials] of byStrategy(decision.denials)) enqueue.emit({ type: 'orders.denied', denials, to: `strategy:${strategy}` });
    }),
    /** A reallocation is neither a gain nor a loss: the P&L stays, the limits that are fractions of capital scale. */
    changeCapital: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'risk.capital') return;
      const book = advanceTo(context.book, event.ts);
      enqueue.assign({ book: withCapital(book, event.capital) });
      enqueue.emit({ type: 'risk.capitalChanged', capital: event.capital, previous: book.capital, reason: event.reason });
    }),
    recordBreach: assign(({ context }) => {
      const cause: HaltCause = dailyLossBreach(context, context.limits.maxDailyLossFraction) ? 'daily_loss' : 'drawdown';
      const { book, limits } = context;
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      const detail =
        cause === 'daily_loss'
          ? `daily loss ${pct(-(book.equity - book.dayStartEquity) / book.dayStartEquity)} ≥ maxDailyLossFraction ${limits.maxDailyLossFraction} (${describeLoss(context)})`
          : `drawdown ${pct((book.peakEquity - book.equity) / book.peakEquity)} ≥ maxDrawdownFraction ${limits.maxDrawdownFraction} (peak ${book.peakEquity.toFixed(2)}, now ${book.equity.toFixed(2)})`;
      return { haltCause: cause, haltDetail: detail, haltDay: context.book.day };
    }),
    recordManualHalt: assign(({ context, event }) => ({
      book: advanceTo(context.book, event.ts),
      haltCause: 'manual' as const,
      haltDetail: event.type === 'risk.halt' ? event.reason : 'halt',
      haltDay: utcDay(event.ts),
    })),
    /** Re-arming acknowledges the losses so far: the day and the peak restart from the current equity. */
    rearm: assign(({ context, event }) => {
      const book = advanceTo(context.book, event.ts);
      const equity = book.equity;
      return {
        book: { ...book, dayStartEquity: equity, peakEquity: equity, cooldownUntil: 0, lossStreak: 0 },
        haltCause: undefined,
        haltDetail: undefined,
        haltDay: undefined,
      };
    }),
    clearHalt: assign({ haltCause: undefined, haltDetail: undefined, haltDay: undefined }),
    announceHalt: enqueueActions(({ context, enqueue }) => {
      // A breach's detail names itself ("drawdown 10.0% ≥ …"); a manual halt says who asked.
      const reason = context.haltCause === 'manual' || !context.haltDetail ? `${context.haltCause ?? 'halt'}: ${context.haltDetail ?? ''}` : context.haltDetail;
      enqueue.emit({ type: 'orders.cancelAll', reason });
      enqueue.emit({ type: 'risk.changed', state: 'HALTED', reason });
    }),
    announceReducing: emit(({ context }) => ({
      type: 'risk.changed' as const,
      state: 'REDUCING' as const,
      reason: context.book.now < context.book.cooldownUntil
        ? `loss streak of ${context.limits.maxLossStreak}: cooling down until ${new Date(context.book.cooldownUntil).toISOString()}`
        : `${describeLoss(context)} reached the reduce threshold ${(context.limits.reduceAtDailyLossFraction * 100).toFixed(2)}%`,
    })),
    announceActive: emit({ type: 'risk.changed' as const, state: 'ACTIVE' as const, reason: 'limits clear' }),
  },
}).createMachine({
  id: 'risk',
  context: ({ input }) => ({
    book: newRiskBook(input.capital, input.startTs, input.positions),
    limits: { ...DEFAULT_RISK_LIMITS, ...input.limits },
    seenIntents: [],
  }),
  initial: 'ACTIVE',
  on: {
    'orders.updated': { guard: 'reportMovesBook', actions: 'observe' },
    'book.updated': { actions: 'observe' },
    'candle.closed': { actions: 'observe' },
    'candles.closed': { actions: 'observe' },
    'order.unplaced': { actions: 'observe' },
    'market.live': { actions: 'observe' },
    'market.stale': { actions: 'observe' },
    'market.toxicity': { guard: 'validToxicity', actions: 'observe' },
    'arb.outcome': { actions: 'observe' },
    'risk.halt': { target: '.HALTED', actions: 'recordManualHalt' },
    'risk.rearm': { target: '.ACTIVE', actions: ['rearm', 'announceActive'] },
    'risk.capital': { guard: 'validCapital', actions: 'changeCapital' },
  },
  states: {
    ACTIVE: {
      on: { 'order.intents': { actions: { type: 'judge', params: { state: 'ACTIVE' } } } },
      always: [
        { guard: 'haltBreach', target: 'HALTED', actions: 'recordBreach' },
        { guard: 'reduceBreach', target: 'REDUCING' },
      ],
    },
    REDUCING: {
      entry: 'announceReducing',
      on: { 'order.intents': { actions: { type: 'judge', params: { state: 'REDUCING' } } } },
      always: [
        { guard: 'haltBreach', target: 'HALTED', actions: 'recordBreach' },
        { guard: not('reduceBreach'), target: 'ACTIVE', actions: 'announceActive' },
      ],
    },
    HALTED: {
      entry: 'announceHalt',
      on: { 'order.intents': { actions: { type: 'judge', params: { state: 'HALTED' } } } },
      always: { guard: 'newDayAfterDailyLoss', target: 'ACTIVE', actions: ['clearHalt', 'announceActive'] },
    },
  },
});
