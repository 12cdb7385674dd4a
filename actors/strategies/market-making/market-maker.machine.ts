import { assign, enqueueActions, setup } from 'xstate';
import type { Message } from '../../runtime/messages.js';
import type { Outgoing } from '../../runtime/actor-spec.js';
import type { QuoteParams } from './quotes.js';
import { planQuotes, type MarketMakerContext } from './plan-quotes.js';
import { withEntry, withoutEntry } from '../../runtime/records.js';

export interface MarketMakerInput {
  strategy: string;
  /** Distinguishes this session's intent ids from earlier sessions' on the same journal. */
  session?: string;
  venue: string;
  symbol: string;
  params: QuoteParams;
  window: number;
}

const TERMINAL = new Set(['filled', 'cancelled', 'rejected']);

function withClose(context: MarketMakerContext, close: number): number[] {
  return [...context.closes, close].slice(-context.window);
}

/**
 * Market-making lifecycle. Entry: enough closes for a volatility estimate and risk not HALTED.
 * Exit to paused: risk HALTED. Every bar while quoting: cancel resting quotes, quote both sides.
 */
export const marketMakerMachine = setup({
  types: { context: {} as MarketMakerContext, events: {} as Message, input: {} as MarketMakerInput, emitted: {} as Outgoing },
  guards: {
    hasHistory: ({ context }) => context.closes.length >= Math.min(context.window, 3),
    riskHalted: ({ event }) => event.type === 'risk.changed' && event.state === 'HALTED',
    riskTrading: ({ event }) => event.type === 'risk.changed' && event.state !== 'HALTED',
    forMyMarket: ({ context, event }) => event.type === 'candle.closed' && event.symbol === context.symbol && event.venue === context.venue,
    /** Most reports repeat what `live` already says and carry no fill: no transition, no context copy. */
    changesBook: ({ context, event }) => {
      if (event.type !== 'orders.updated') return false;
      if (event.fills.some((f) => f.strategy === context.strategy)) return true;
      return event.updates.some((order) => {
        if (order.strategy !== context.strategy) return false;
        const known = context.live[order.clientOrderId];
        return TERMINAL.has(order.status) ? known !== undefined : known?.side !== order.side;
      });
    },
  },
  actions: {
    recordClose: assign(({ context, event }) => {
      if (event.type !== 'candle.closed') return {};
      return { closes: withClose(context, event.candle.close) };
    }),
    /** Record the close, then quote on it: one context copy per bar. */
    recordCloseAndQuote: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'candle.closed') return;
      const closes = withClose(context, event.candle.close);
      const plan = planQuotes({ ...context, closes }, event.candle.close);
      enqueue.assign({ closes, seq: plan.nextSeq, lastQuote: plan.quote });
      // The quote set is one decision: cancels and both sides, judged by risk in one transition.
      if (plan.intents.length > 0) enqueue.emit({ type: 'order.intents', intents: plan.intents });
    }),
    /** Fills move inventory; updates keep `live` (resting orders by clientOrderId) current. */
    applyReport: assign(({ context, event }) => {
      if (event.type !== 'orders.updated') return {};
      let { inventory, fills, live } = context;
      for (const fill of event.fills) {
        if (fill.strategy !== context.strategy) continue;
        inventory += fill.side === 'buy' ? fill.amount : -fill.amount;
        fills += 1;
      }
      for (const { strategy, clientOrderId, status, side } of event.updates) {
        if (strategy !== context.strategy) continue;
        const known = live[clientOrderId];
        if (TERMINAL.has(status)) {
          if (known !== undefined) live = withoutEntry(live, clientOrderId);
        } else if (known?.side !== side) live = withEntry(live, clientOrderId, { side });
      }
      return { inventory, fills, live };
    }),
    countVetoes: assign({ vetoes: ({ context, event }) => context.vetoes + (event.type === 'orders.denied' ? event.denials.length : 0) }),
    setRiskState: assign({
      riskState: ({ context, event }) => (event.type === 'risk.changed' ? event.state : context.riskState),
    }),
  },
}).createMachine({
  id: 'market-maker',
  context: ({ input }) => ({
    ...input,
    session: input.session ?? '0',
    closes: [],
    inventory: 0,
    seq: 1,
    live: {},
    riskState: 'ACTIVE',
    lastQuote: undefined,
    fills: 0,
    vetoes: 0,
  }),
  initial: 'warmingUp',
  on: {
    'orders.updated': { guard: 'changesBook', actions: 'applyReport' },
    'orders.denied': { actions: 'countVetoes' },
  },
  states: {
    warmingUp: {
      on: {
        'candle.closed': { guard: 'forMyMarket', actions: 'recordClose', target: 'deciding' },
        'risk.changed': { actions: 'setRiskState' },
      },
    },
    deciding: {
      always: [
        { guard: ({ context }) => context.riskState === 'HALTED', target: 'paused' },
        { guard: 'hasHistory', target: 'quoting' },
        { target: 'warmingUp' },
      ],
    },
    quoting: {
      on: {
        'candle.closed': { guard: 'forMyMarket', actions: 'recordCloseAndQuote' },
        'risk.changed': [
          { guard: 'riskHalted', actions: 'setRiskState', target: 'paused' },
          { actions: 'setRiskState' },
        ],
      },
    },
    paused: {
      on: {
        'candle.closed': { guard: 'forMyMarket', actions: 'recordClose' },
        'risk.changed': [{ guard: 'riskTrading', actions: 'setRiskState', target: 'quoting' }, { actions: 'setRiskState' }],
      },
    },
  },
});
