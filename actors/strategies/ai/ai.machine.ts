import { and, assign, emit, setup } from 'xstate';
import type { Candle } from '../../market-data/types.js';
import type { Message } from '../../runtime/messages.js';
import type { LongFlatEmitted, LongFlatInput } from '../../../machines/long-flat.machine.js';
import { hasOwnFills, ORDER_REPORT, isOwnDenial, marketIntent, ownCandle, ownOrderDone, type LongOnlyBook } from '../../../machines/long-flat.orders.js';
import { afterFillsAtCost } from './position-cost.js';
import type { AiPredictor } from './predictor.js';
import { classifyRegime, REGIME_BARS, type Regime } from './regime.js';

/** The most of a bar's traded quote volume one entry may take: its notional must be at most 10% of it. */
export const MAX_LIQUIDITY_SHARE = 0.1;

/** The machine's share of the strategy's parameters (the model is the predictor it is built with). */
export type AiMachineParams = {
  /** Enter when P(up) - 0.5 ≥ threshold; the model is bearish when 0.5 - P(up) ≥ threshold. */
  threshold: number;
  profitTarget: number;
  stopLoss: number;
  /** Drawdown of the strategy's equity from its peak at which it exits and stops entering. */
  maxRisk: number;
  regimes: readonly Regime[];
  /** A bullish pattern detected within this many own bars confirms an entry. */
  patternBars: number;
};

/** A long/flat strategy's input (market, capital, fee, fraction) with the ai machine's parameters. */
export interface AiInput extends LongFlatInput<AiMachineParams> {
  /** A pattern actor publishes `pattern.detected` / `pattern.invalidated` for this market: entries then need a bullish one. */
  patternActor: boolean;
}

/** A bullish pattern on this market, and how many own bars had been seen when it arrived. */
export interface PatternMark {
  id: string;
  name: string;
  invalidation: number;
  bar: number;
}

export const EXIT_GUARDS = ['stopLossHit', 'riskExceeded', 'patternInvalidated', 'profitTargetReached', 'signalBearish'] as const;
export type ExitGuard = (typeof EXIT_GUARDS)[number];

export interface AiContext extends AiInput, LongOnlyBook {
  /** Own bars up to the last, oldest first: the predictor's history and the regime classifier's. Plain JSON. */
  bars: Candle[];
  /** Own bars seen. */
  seen: number;
  /** P(up) and the regime after the last own bar (null while warming up). */
  pUp: number | null;
  regime: Regime | null;
  /** Highest equity (cash + position at the close) seen at an own bar. */
  peakEquity: number;
  /** Average price of the position held, or null when flat. */
  entryPrice: number | null;
  /** Bullish patterns of the last `patternBars` own bars. */
  bullish: PatternMark[];
  /** The pattern that confirmed the position held. */
  entryPattern: PatternMark | null;
  /** The guard that sent the last exit. */
  lastExit: ExitGuard | null;
}

export type AiEvent = Message<'candle.closed' | 'candles.closed' | 'orders.updated' | 'orders.denied' | 'pattern.detected' | 'pattern.invalidated'>;
export type AiEmitted = LongFlatEmitted;

/** What an own bar means, before the context takes it in. */
interface BarView {
  candle: Candle;
  /** The buffer with this bar last (a bar not after the last one starts it afresh: another recording). */
  bars: Candle[];
  pUp: number | null;
  regime: Regime | null;
}

/**
 * The AI strategy: long-only on one symbol, states flat / entering / long / exiting as the long/flat machine, deciding
 * with `predictor`'s P(up) on each own bar. The entry is the seed's check_entry, an `and` of named guards; each exit
 * is its own named guard, so the inspector shows which one fired. Pure: no I/O, no clock.
 */
export function createAiMachine(id: string, predictor: AiPredictor) {
  const keep = Math.max(predictor.history, REGIME_BARS);

  // The guards and actions of one transition read the same bar: predict and classify it once.
  let memo: { bars: readonly Candle[]; event: AiEvent; view: BarView | undefined } | undefined;
  function view(ctx: AiContext, event: AiEvent): BarView | undefined {
    if (memo && memo.bars === ctx.bars && memo.event === event) return memo.view;
    const candle = ownCandle(ctx, event);
    let out: BarView | undefined;
    if (candle) {
      const last = ctx.bars[ctx.bars.length - 1];
      const before = last && candle.ts > last.ts ? ctx.bars : [];
      const bars = [...before.slice(Math.max(0, before.length - keep + 1)), candle];
      out = { candle, bars, pUp: predictor.predict(before, candle), regime: classifyRegime(bars.map((b) => b.close)) };
    }
    memo = { bars: ctx.bars, event, view: out };
    return out;
  }
  const equityAt = (ctx: AiContext, close: number) => ctx.cash + ctx.position * close;
  function drawdown(ctx: AiContext, close: number): number {
    const equity = equityAt(ctx, close);
    const peak = Math.max(ctx.peakEquity, equity);
    return peak > 0 ? 1 - equity / peak : 0;
  }
  /** The newest bullish pattern within `patternBars` of the bar being seen now. */
  const confirming = (ctx: AiContext): PatternMark | undefined => ctx.bullish.filter((m) => ctx.seen + 1 - m.bar <= ctx.params.patternBars).at(-1);
  /** The close an exit is sized on: this bar's, or the last own one for an exit on a pattern message. */
  const exitPrice = (ctx: AiContext, event: AiEvent) => view(ctx, event)?.candle.close ?? ctx.bars[ctx.bars.length - 1]?.close ?? NaN;
  const ownPattern = (ctx: AiContext, event: AiEvent) => (event.type === 'pattern.detected' || event.type === 'pattern.invalidated') && event.symbol === ctx.symbol;

  const entry = and(['signalStrong', 'riskBelowMax', 'liquiditySufficient', 'regimeFavourable', 'patternConfirmed', 'hasCash']);
  const flatOnBar = [
    { guard: entry, target: 'entering', actions: ['emitEntry', 'countIntent', 'noteEntryPattern', 'stepBar'] },
    { guard: 'ownBar', actions: 'stepBar' },
  ] as const;
  const exitOn = (guard: ExitGuard) => ({ guard, target: 'exiting', actions: ['emitExit', 'countIntent', { type: 'noteExit', params: { guard } }, 'stepBar'] }) as const;
  const longOnBar = [...EXIT_GUARDS.map(exitOn), { guard: 'ownBar', actions: 'stepBar' }] as const;
  const workingOnBar = { guard: 'ownBar', actions: 'stepBar' } as const;

  return setup({
    types: {
      input: {} as AiInput,
      context: {} as AiContext,
      events: {} as AiEvent,
      emitted: {} as AiEmitted,
    },
    guards: {
      ownBar: ({ context, event }) => view(context, event) !== undefined,
      signalStrong: ({ context, event }) => {
        const p = view(context, event)?.pUp ?? null;
        return p !== null && p - 0.5 >= context.params.threshold;
      },
      signalBearish: ({ context, event }) => {
        const p = view(context, event)?.pUp ?? null;
        return p !== null && 0.5 - p >= context.params.threshold;
      },
      riskBelowMax: ({ context, event }) => {
        const v = view(context, event);
        return v !== undefined && drawdown(context, v.candle.close) < context.params.maxRisk;
      },
      riskExceeded: ({ context, event }) => {
        const v = view(context, event);
        return v !== undefined && drawdown(context, v.candle.close) >= context.params.maxRisk;
      },
      liquiditySufficient: ({ context, event }) => {
        const c = view(context, event)?.candle;
        return c !== undefined && c.volume * c.close * MAX_LIQUIDITY_SHARE >= context.cash * context.fraction;
      },
      regimeFavourable: ({ context, event }) => {
        const regime = view(context, event)?.regime ?? null;
        return regime !== null && context.params.regimes.includes(regime);
      },
      patternConfirmed: ({ context }) => !context.patternActor || confirming(context) !== undefined,
      hasCash: ({ context }) => context.cash > 0,
      profitTargetReached: ({ context, event }) => {
        const close = view(context, event)?.candle.close;
        return close !== undefined && context.entryPrice !== null && close >= context.entryPrice * (1 + context.params.profitTarget);
      },
      stopLossHit: ({ context, event }) => {
        const close = view(context, event)?.candle.close;
        return close !== undefined && context.entryPrice !== null && close <= context.entryPrice * (1 - context.params.stopLoss);
      },
      patternInvalidated: ({ context, event }) => {
        const pattern = context.entryPattern;
        if (!pattern) return false;
        if (event.type === 'pattern.invalidated') return ownPattern(context, event) && event.patternId === pattern.id;
        const close = view(context, event)?.candle.close;
        return close !== undefined && close < pattern.invalidation;
      },
      ownBullishPattern: ({ context, event }) => ownPattern(context, event) && event.type === 'pattern.detected' && event.direction === 'bullish',
      ownPatternGone: ({ context, event }) => ownPattern(context, event) && event.type === 'pattern.invalidated',
      ownOrderDone: ({ context, event }) => ownOrderDone(context, event),
      holding: ({ context, event }) => afterFillsAtCost(context, event).position > 0,
      ownFills: ({ context, event }) => hasOwnFills(context, event),
      ownDenial: ({ context, event }) => isOwnDenial(context, event),
    },
    actions: {
      stepBar: assign(({ context, event }) => {
        const v = view(context, event);
        if (!v) return {};
        const seen = context.seen + 1;
        return {
          bars: v.bars,
          seen,
          pUp: v.pUp,
          regime: v.regime,
          peakEquity: Math.max(context.peakEquity, equityAt(context, v.candle.close)),
          bullish: context.bullish.filter((m) => seen - m.bar < context.params.patternBars),
        };
      }),
      emitEntry: emit(({ context, event }) => ({ type: 'order.intents' as const, intents: [marketIntent(context, 'buy', view(context, event)?.candle.close ?? NaN)] })),
      emitExit: emit(({ context, event }) => ({ type: 'order.intents' as const, intents: [marketIntent(context, 'sell', exitPrice(context, event))] })),
      countIntent: assign({ seq: ({ context }) => context.seq + 1 }),
      noteEntryPattern: assign({ entryPattern: ({ context }) => confirming(context) ?? null }),
      noteExit: assign((_, params: { guard: ExitGuard }) => ({ lastExit: params.guard })),
      notePattern: assign({
        bullish: ({ context, event }) => (event.type === 'pattern.detected' ? [...context.bullish, { id: event.patternId, name: event.name, invalidation: event.invalidation, bar: context.seen }] : context.bullish),
      }),
      forgetPattern: assign({
        bullish: ({ context, event }) => (event.type === 'pattern.invalidated' ? context.bullish.filter((m) => m.id !== event.patternId) : context.bullish),
      }),
      applyFills: assign(({ context, event }) => {
        const next = afterFillsAtCost(context, event);
        return next.position > 0 ? next : { ...next, entryPattern: null };
      }),
    },
  }).createMachine({
    id,
    context: ({ input }) => ({
      ...input,
      cash: input.capital,
      position: 0,
      seq: 0,
      bars: [],
      seen: 0,
      pUp: null,
      regime: null,
      peakEquity: input.capital,
      entryPrice: null,
      bullish: [],
      entryPattern: null,
      lastExit: null,
    }),
    initial: 'flat',
    on: {
      'orders.updated': { guard: 'ownFills', actions: 'applyFills' },
      'pattern.detected': { guard: 'ownBullishPattern', actions: 'notePattern' },
      'pattern.invalidated': { guard: 'ownPatternGone', actions: 'forgetPattern' },
    },
    states: {
      flat: { on: { 'candle.closed': flatOnBar, 'candles.closed': flatOnBar } },
      entering: {
        on: {
          'candle.closed': workingOnBar,
          'candles.closed': workingOnBar,
          'orders.updated': ORDER_REPORT,
          'orders.denied': { guard: 'ownDenial', target: 'flat' },
        },
      },
      long: {
        on: {
          'candle.closed': longOnBar,
          'candles.closed': longOnBar,
          'pattern.invalidated': { guard: 'patternInvalidated', target: 'exiting', actions: ['emitExit', 'countIntent', { type: 'noteExit', params: { guard: 'patternInvalidated' } }, 'forgetPattern'] },
        },
      },
      exiting: {
        on: {
          'candle.closed': workingOnBar,
          'candles.closed': workingOnBar,
          'orders.updated': ORDER_REPORT,
          'orders.denied': { guard: 'ownDenial', target: 'long' },
        },
      },
    },
  });
}

export type AiMachine = ReturnType<typeof createAiMachine>;

/** The machine's shape with a predictor that never has an opinion (it never enters): the catalogue's and the docs' reference. */
export const aiMachine = createAiMachine('ai', { history: 0, predict: () => null });
