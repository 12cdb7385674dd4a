import { and, assign, emit, setup } from 'xstate';
import type { OrderIntent } from '../actors/risk/intent.js';
import { afterFills, ORDER_REPORT, hasOwnFills, isOwnDenial, marketIntent, ownClose as findClose, ownOrderDone, type LongOnlyBook, type LongOnlyEvent } from './long-flat.orders.js';
import type { Json, LongFlatSignal, SignalStep } from './long-flat.signal.js';

/**
 * A long-only strategy on one symbol whose decision is a pure signal of the closes: enter when it wants long,
 * exit when it wants flat. States flat / entering / long / exiting. Entry and exit are guards;
 * market orders are sized on bar t's close and leave as an emitted `order.intents` batch of one; fills move
 * cash and position; a denial returns to the state the order came from. Pure: no I/O, no clock.
 */
export interface LongFlatInput<P extends Json> {
  strategy: string;
  venue: string;
  symbol: string;
  /** Capital allocated to this strategy, quote currency. */
  capital: number;
  /** Fee rate on notional the strategy expects, used only to size entries so cash covers the fee. */
  feeRate: number;
  /** Fraction of cash committed on entry (1 = all in). */
  fraction: number;
  /** The signal's parameters. */
  params: P;
  /** The session's id (paper, live): its intent ids are `${strategy}-${session}-${n}`, unique across runs on one journal. */
  session?: string;
}

export interface LongFlatContext<S extends Json, P extends Json> extends LongFlatInput<P>, LongOnlyBook {
  /** The signal's state after the last own close: plain JSON, persisted with the snapshot. */
  signal: S;
}

export type LongFlatEvent = LongOnlyEvent;
export type LongFlatEmitted = { type: 'order.intents'; intents: readonly OrderIntent[] };

/** The machine `id` (the strategy's name) deciding with `signal`. */
export function createLongFlatMachine<S extends Json, P extends Json>(id: string, signal: LongFlatSignal<S, P>) {
  type Context = LongFlatContext<S, P>;

  // The guards and actions of one transition ask for the same event's close up to four times: find it once.
  let closeMemo: { event: LongFlatEvent; symbol: string; venue: string; close: number | undefined } | undefined;
  function ownClose(ctx: Context, event: LongFlatEvent): number | undefined {
    if (closeMemo && closeMemo.event === event && closeMemo.symbol === ctx.symbol && closeMemo.venue === ctx.venue) return closeMemo.close;
    const close = findClose(ctx, event);
    closeMemo = { event, symbol: ctx.symbol, venue: ctx.venue, close };
    return close;
  }

  // The guard and the action of one transition step the same (state, close, params): compute it once. Pure, so safe.
  let memo: { state: S; close: number; params: P; out: SignalStep<S> } | undefined;
  function step(ctx: Context, close: number): SignalStep<S> {
    if (memo && memo.state === ctx.signal && memo.close === close && memo.params === ctx.params) return memo.out;
    const out = signal.step(ctx.signal, close, ctx.params);
    memo = { state: ctx.signal, close, params: ctx.params, out };
    return out;
  }
  const wants = (ctx: Context, event: LongFlatEvent) => {
    const close = ownClose(ctx, event);
    return close === undefined ? undefined : step(ctx, close).want;
  };

  // One bar (`candle.closed`) or a replay step's bars (`candles.closed`): the same guards on this strategy's close.
  const flatOnBar = [
    { guard: and(['wantsLong', 'hasCash']), target: 'entering', actions: ['emitEntry', 'countIntent', 'stepSignal'] },
    { guard: 'ownCandle', actions: 'stepSignal' },
  ] as const;
  const longOnBar = [
    { guard: 'wantsFlat', target: 'exiting', actions: ['emitExit', 'countIntent', 'stepSignal'] },
    { guard: 'ownCandle', actions: 'stepSignal' },
  ] as const;
  const workingOnBar = { guard: 'ownCandle', actions: 'stepSignal' } as const;

  return setup({
    types: {
      input: {} as LongFlatInput<P>,
      context: {} as Context,
      events: {} as LongFlatEvent,
      emitted: {} as LongFlatEmitted,
    },
    guards: {
      ownCandle: ({ context, event }) => ownClose(context, event) !== undefined,
      wantsLong: ({ context, event }) => wants(context, event) === 'long',
      wantsFlat: ({ context, event }) => wants(context, event) === 'flat',
      hasCash: ({ context }) => context.cash > 0,
      ownOrderDone: ({ context, event }) => ownOrderDone(context, event),
      holding: ({ context, event }) => afterFills(context, event).position > 0,
      ownFills: ({ context, event }) => hasOwnFills(context, event),
      ownDenial: ({ context, event }) => isOwnDenial(context, event),
    },
    actions: {
      stepSignal: assign({
        signal: ({ context, event }) => {
          const close = ownClose(context, event);
          return close === undefined ? context.signal : step(context, close).state;
        },
      }),
      emitEntry: emit(({ context, event }) => ({ type: 'order.intents' as const, intents: [marketIntent(context, 'buy', ownClose(context, event) ?? NaN)] })),
      emitExit: emit(({ context, event }) => ({ type: 'order.intents' as const, intents: [marketIntent(context, 'sell', ownClose(context, event) ?? NaN)] })),
      countIntent: assign({ seq: ({ context }) => context.seq + 1 }),
      applyFills: assign(({ context, event }) => afterFills(context, event)),
    },
  }).createMachine({
    id,
    context: ({ input }) => ({ ...input, signal: signal.initial, cash: input.capital, position: 0, seq: 0 }),
    initial: 'flat',
    on: { 'orders.updated': { guard: 'ownFills', actions: 'applyFills' } },
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
      long: { on: { 'candle.closed': longOnBar, 'candles.closed': longOnBar } },
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
