import { and, assign, emit, setup } from 'xstate';
import type { Message } from '../../runtime/messages.js';
import type { OrderIntent } from '../../risk/intent.js';
import { initialSmaState, stepSma, type SmaCrossParams, type SmaState } from './signal.js';
import { afterFills, hasOwnFills, isOwnDenial, marketIntent, ownClose as findClose, ownOrderDone } from '../../../machines/long-flat.orders.js';

/**
 * sma-cross reference strategy: long-only, enter on a fast-over-slow SMA cross, exit on the opposite cross.
 * Entry and exit conditions are guards. Market orders are sized on bar t's close; the venue fills them no
 * earlier than bar t+1's open. Pure: no I/O, no clock; an entry or exit leaves as an emitted `order.intents` batch of one.
 */
export interface SmaCrossInput extends SmaCrossParams {
  strategy: string;
  venue: string;
  symbol: string;
  /** Capital allocated to this strategy, quote currency. */
  capital: number;
  /** Fee rate on notional the strategy expects, used only to size entries so cash covers the fee. */
  feeRate: number;
  /** Fraction of cash committed on entry (1 = all in). */
  fraction: number;
}

export interface SmaCrossContext extends SmaCrossInput {
  sma: SmaState;
  cash: number;
  position: number;
  seq: number;
}

export type SmaCrossEvent = Message<'candle.closed'> | Message<'candles.closed'> | Message<'orders.updated'> | Message<'orders.denied'>;
export type SmaCrossEmitted = { type: 'order.intents'; intents: readonly OrderIntent[] };

/** The guards and actions of one transition ask for the same event's close up to four times: find it once. */
let closeMemo: { event: SmaCrossEvent; symbol: string; venue: string; close: number | undefined } | undefined;
function ownClose(ctx: SmaCrossContext, event: SmaCrossEvent): number | undefined {
  if (closeMemo && closeMemo.event === event && closeMemo.symbol === ctx.symbol && closeMemo.venue === ctx.venue) return closeMemo.close;
  const close = findClose(ctx, event);
  closeMemo = { event, symbol: ctx.symbol, venue: ctx.venue, close };
  return close;
}

/** The guard and the action of one transition step the same (state, close): compute it once. Pure: same inputs, same output. */
let memo: { state: SmaState; close: number; fast: number; slow: number; out: ReturnType<typeof stepSma> } | undefined;
function step(ctx: SmaCrossContext, close: number): ReturnType<typeof stepSma> {
  if (memo && memo.state === ctx.sma && memo.close === close && memo.fast === ctx.fast && memo.slow === ctx.slow) return memo.out;
  const out = stepSma(ctx.sma, close, ctx);
  memo = { state: ctx.sma, close, fast: ctx.fast, slow: ctx.slow, out };
  return out;
}

// One bar (`candle.closed`) or a replay step's bars (`candles.closed`): the same guards on this strategy's close.
const FLAT_ON_BAR = [
  { guard: and(['ownCandle', 'crossesUp', 'hasCash']), target: 'entering', actions: ['emitEntry', 'countIntent', 'stepSma'] },
  { guard: 'ownCandle', actions: 'stepSma' },
] as const;
const LONG_ON_BAR = [
  { guard: and(['ownCandle', 'crossesDown']), target: 'exiting', actions: ['emitExit', 'countIntent', 'stepSma'] },
  { guard: 'ownCandle', actions: 'stepSma' },
] as const;

// While an order works: its fills move cash and position; once it is done the position says where we are.
const ORDER_REPORT = [
  { guard: and(['ownOrderDone', 'holding']), target: 'long', actions: 'applyFills' },
  { guard: 'ownOrderDone', target: 'flat', actions: 'applyFills' },
  { guard: 'ownFills', actions: 'applyFills' },
] as const;

export const smaCrossMachine = setup({
  types: {
    input: {} as SmaCrossInput,
    context: {} as SmaCrossContext,
    events: {} as SmaCrossEvent,
    emitted: {} as SmaCrossEmitted,
  },
  guards: {
    ownCandle: ({ context, event }) => ownClose(context, event) !== undefined,
    crossesUp: ({ context, event }) => step(context, ownClose(context, event)!).cross === 'up',
    crossesDown: ({ context, event }) => step(context, ownClose(context, event)!).cross === 'down',
    hasCash: ({ context }) => context.cash > 0,
    ownOrderDone: ({ context, event }) => ownOrderDone(context, event),
    holding: ({ context, event }) => afterFills(context, event).position > 0,
    ownFills: ({ context, event }) => hasOwnFills(context, event),
    ownDenial: ({ context, event }) => isOwnDenial(context, event),
  },
  actions: {
    stepSma: assign({
      sma: ({ context, event }) => {
        const close = ownClose(context, event);
        return close === undefined ? context.sma : step(context, close).state;
      },
    }),
    emitEntry: emit(({ context, event }) => ({ type: 'order.intents' as const, intents: [marketIntent(context, 'buy', ownClose(context, event) ?? NaN)] })),
    emitExit: emit(({ context, event }) => ({ type: 'order.intents' as const, intents: [marketIntent(context, 'sell', ownClose(context, event) ?? NaN)] })),
    countIntent: assign({ seq: ({ context }) => context.seq + 1 }),
    applyFills: assign(({ context, event }) => afterFills(context, event)),
  },
}).createMachine({
  id: 'sma-cross',
  context: ({ input }) => ({ ...input, sma: initialSmaState, cash: input.capital, position: 0, seq: 0 }),
  initial: 'flat',
  on: { 'orders.updated': { guard: 'ownFills', actions: 'applyFills' } },
  states: {
    flat: {
      on: {
        'candle.closed': FLAT_ON_BAR,
        'candles.closed': FLAT_ON_BAR,
      },
    },
    entering: {
      on: {
        'candle.closed': { guard: 'ownCandle', actions: 'stepSma' },
        'candles.closed': { guard: 'ownCandle', actions: 'stepSma' },
        'orders.updated': ORDER_REPORT,
        'orders.denied': { guard: 'ownDenial', target: 'flat' },
      },
    },
    long: {
      on: {
        'candle.closed': LONG_ON_BAR,
        'candles.closed': LONG_ON_BAR,
      },
    },
    exiting: {
      on: {
        'candle.closed': { guard: 'ownCandle', actions: 'stepSma' },
        'candles.closed': { guard: 'ownCandle', actions: 'stepSma' },
        'orders.updated': ORDER_REPORT,
        'orders.denied': { guard: 'ownDenial', target: 'long' },
      },
    },
  },
});
