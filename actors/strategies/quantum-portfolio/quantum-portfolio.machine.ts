import { and, assign, enqueueActions, setup } from 'xstate';
import type { Message } from '../../runtime/messages.js';
import type { OrderIntent, RiskState } from '../../risk/intent.js';
import type { QuantumPortfolioParams } from './params.js';
import { rebalanceOrders, targetValue } from './rebalance-orders.js';
import type { PortfolioChoice } from './solve-portfolio.js';
import { addStep, completesRow, emptyWindow, logReturns, type WindowCloses } from './window-returns.js';
import type { QuantumRebalance } from './messages.js';
import './messages.js';

export interface QuantumPortfolioInput {
  strategy: string;
  session?: string;
  venue: string;
  /** The markets it chooses among, in a fixed order (bit i of a selection = market i). */
  symbols: readonly string[];
  /** Capital allocated to it, quote currency (every market shares the quote). */
  capital: number;
  feeRate: number;
  /** Risk's limit on one position as a share of capital: no market is sized past it. */
  maxPositionFraction: number;
  params: QuantumPortfolioParams;
}

interface Context extends QuantumPortfolioInput {
  session: string;
  window: WindowCloses;
  /** Steps at which every market had a close, since the start. */
  rows: number;
  holdings: number[];
  cash: number;
  seq: number;
  /** Intent ids sent and not yet done (filled, cancelled, rejected or denied). */
  working: string[];
  /** The symbols of its buys at the venue and not yet done, by clientOrderId. */
  resting: Record<string, string>;
  /** clientOrderIds it has asked to cancel. */
  cancelling: string[];
  /** Own steps since the last orders went out. */
  waited: number;
  riskState: RiskState;
  /** It sold everything since risk left ACTIVE (once: a denied exit is not retried until risk comes back). */
  exited: boolean;
  rebalances: number;
}

type Event = Message<'candles.closed'> | Message<'orders.updated'> | Message<'orders.denied'> | Message<'risk.changed'> | Message<'quantum.solved'> | Message<'effect.failed'>;
type Emitted =
  | { type: 'order.intents'; intents: readonly OrderIntent[] }
  | { type: 'quantum.solve'; returns: number[][]; seed: number }
  | ({ type: 'quantum.rebalanced' } & QuantumRebalance);

const DONE = new Set(['filled', 'cancelled', 'rejected']);
const DUST = 1e-12;

const holdsAny = (ctx: Context) => ctx.holdings.some((h) => h > DUST);

function intentsTo(ctx: Context, selection: readonly (0 | 1)[]): { intents: OrderIntent[]; value: number } {
  const p = ctx.params;
  const value = targetValue(ctx.capital, p.fraction, p.budget, ctx.maxPositionFraction, p.maxSlippage);
  const closes = ctx.window.last as number[];
  const intents = rebalanceOrders(ctx, closes, selection, value, p.minTradeFraction * ctx.capital, p.maxSlippage);
  return { intents, value };
}

/** Cancels for the buys still at the venue that it has not asked to cancel yet. */
function cancelsOf(ctx: Context): OrderIntent[] {
  return Object.entries(ctx.resting)
    .filter(([clientOrderId]) => !ctx.cancelling.includes(clientOrderId))
    .map(([clientOrderId, symbol]) => ({
      intentId: `${clientOrderId}.cancel`, strategy: ctx.strategy, venue: ctx.venue, symbol, side: 'buy', kind: 'cancel', type: 'limit', amount: 0,
      price: ctx.window.last[ctx.symbols.indexOf(symbol)] ?? 0, cancelClientOrderId: clientOrderId,
    }));
}

/**
 * A portfolio of several markets on one venue, chosen by QAOA (a classical state-vector simulation of it). Every
 * `rebalanceBars` steps once `windowBars` of trailing returns are in, it asks its actor to solve the portfolio
 * problem (`quantum.solve`, an effect: the machine stays pure), then sends the orders that move its holdings to equal
 * value in the chosen markets and out of the others, and announces the choice beside the exact optimum
 * (`quantum.rebalanced`). Buys are limit orders `maxSlippage` over the close; one the market has run away from is
 * cancelled after `buyWaitBars` steps, or at once when risk leaves ACTIVE. States watching → solving → rebalancing →
 * watching; when risk leaves ACTIVE it sells everything and does not rebalance until risk is ACTIVE again.
 */
export const quantumPortfolioMachine = setup({
  types: { input: {} as QuantumPortfolioInput, context: {} as Context, events: {} as Event, emitted: {} as Emitted },
  guards: {
    ownStep: ({ context, event }) => event.type === 'candles.closed' && event.venue === context.venue && event.bars.some((b) => context.symbols.includes(b.symbol)),
    rebalanceDue: ({ context, event }) => {
      if (event.type !== 'candles.closed' || !completesRow(context.window, context.symbols, event.bars)) return false;
      const rows = context.rows + 1;
      const first = context.params.windowBars + 1;
      return rows >= first && (rows - first) % context.params.rebalanceBars === 0;
    },
    riskActive: ({ context }) => context.riskState === 'ACTIVE',
    leavesActive: ({ context, event }) => event.type === 'risk.changed' && event.state !== 'ACTIVE' && !context.exited,
    holdsAny: ({ context }) => holdsAny(context),
    mustExit: ({ context }) => context.riskState !== 'ACTIVE' && !context.exited && holdsAny(context),
    nothingWorking: ({ context }) => context.working.length === 0,
    buysOverdue: ({ context, event }) => event.type === 'candles.closed' && event.venue === context.venue && context.waited + 1 >= context.params.buyWaitBars,
  },
  actions: {
    addStep: assign(({ context, event }) => {
      if (event.type !== 'candles.closed' || event.venue !== context.venue) return {};
      const { window } = addStep(context.window, context.symbols, event.bars, context.params.windowBars + 1);
      return window === context.window ? {} : { window, rows: window.rows !== context.window.rows ? context.rows + 1 : context.rows };
    }),
    setRisk: assign(({ context, event }) => {
      if (event.type !== 'risk.changed') return {};
      return { riskState: event.state, exited: event.state === 'ACTIVE' ? false : context.exited };
    }),
    emitSolve: enqueueActions(({ context, enqueue }) => {
      enqueue.emit({ type: 'quantum.solve', returns: logReturns(context.window), seed: context.params.seed + context.rebalances });
    }),
    rebalance: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'quantum.solved') return;
      const choice: PortfolioChoice = event.choice;
      const { intents, value } = intentsTo(context, choice.qaoa);
      const index = context.rebalances + 1;
      enqueue.assign({ rebalances: index, seq: context.seq + intents.length, working: intents.map((i) => i.intentId), waited: 0 });
      if (intents.length > 0) enqueue.emit({ type: 'order.intents', intents });
      enqueue.emit({ type: 'quantum.rebalanced', ...choice, strategy: context.strategy, venue: context.venue, symbols: context.symbols, closes: context.window.last as number[], value, orders: intents.length, shots: context.params.shots, index });
    }),
    exitAll: enqueueActions(({ context, enqueue }) => {
      const { intents } = intentsTo(context, context.symbols.map(() => 0));
      enqueue.assign({ seq: context.seq + intents.length, working: [...context.working, ...intents.map((i) => i.intentId)], exited: true, waited: 0 });
      if (intents.length > 0) enqueue.emit({ type: 'order.intents', intents });
    }),
    applyReport: assign(({ context, event }) => {
      if (event.type === 'orders.denied') {
        const denied = new Set(event.denials.filter((d) => d.intent.strategy === context.strategy).map((d) => d.intent.intentId));
        return { working: context.working.filter((id) => !denied.has(id)) };
      }
      if (event.type !== 'orders.updated') return {};
      const holdings = context.holdings.slice();
      let cash = context.cash;
      for (const f of event.fills) {
        if (f.strategy !== context.strategy) continue;
        const i = context.symbols.indexOf(f.symbol);
        if (i < 0) continue;
        const sign = f.side === 'buy' ? 1 : -1;
        holdings[i] = holdings[i]! + sign * f.amount;
        if (Math.abs(holdings[i]!) <= DUST * f.amount) holdings[i] = 0;
        cash -= sign * f.price * f.amount + f.fee;
      }
      const own = event.updates.filter((u) => u.strategy === context.strategy);
      const done = new Set(own.filter((u) => DONE.has(u.status)).map((u) => u.intentId));
      const resting = { ...context.resting };
      for (const u of own) {
        if (u.side !== 'buy') continue;
        if (DONE.has(u.status)) delete resting[u.clientOrderId];
        else if (context.working.includes(u.intentId)) resting[u.clientOrderId] = u.symbol;
      }
      const cancelling = context.cancelling.filter((id) => id in resting);
      return { holdings, cash, working: context.working.filter((id) => !done.has(id)), resting, cancelling };
    }),
    countStep: assign(({ context, event }) => (event.type === 'candles.closed' && event.venue === context.venue ? { waited: context.waited + 1 } : {})),
    cancelBuys: enqueueActions(({ context, enqueue }) => {
      const cancels = cancelsOf(context);
      if (cancels.length === 0) return;
      enqueue.assign({ cancelling: [...context.cancelling, ...cancels.map((c) => c.cancelClientOrderId!)] });
      enqueue.emit({ type: 'order.intents', intents: cancels });
    }),
  },
}).createMachine({
  id: 'quantum-portfolio',
  context: ({ input }) => ({
    ...input,
    session: input.session ?? '0',
    window: emptyWindow(input.symbols.length),
    rows: 0,
    holdings: input.symbols.map(() => 0),
    cash: input.capital,
    seq: 0,
    working: [],
    resting: {},
    cancelling: [],
    waited: 0,
    riskState: 'ACTIVE',
    exited: false,
    rebalances: 0,
  }),
  initial: 'watching',
  on: {
    'orders.updated': { actions: 'applyReport' },
    'orders.denied': { actions: 'applyReport' },
  },
  states: {
    watching: {
      on: {
        'candles.closed': [
          { guard: and(['ownStep', 'rebalanceDue', 'riskActive']), target: 'solving', actions: ['addStep', 'emitSolve'] },
          { actions: 'addStep' },
        ],
        'risk.changed': [
          { guard: and(['leavesActive', 'holdsAny']), target: 'rebalancing', actions: ['setRisk', 'exitAll'] },
          { actions: 'setRisk' },
        ],
      },
    },
    solving: {
      on: {
        'candles.closed': { actions: 'addStep' },
        'quantum.solved': [
          { guard: 'riskActive', target: 'rebalancing', actions: 'rebalance' },
          // Risk left ACTIVE while it solved: rebalancing sells what is held (or goes straight back to watching).
          { target: 'rebalancing' },
        ],
        'effect.failed': { target: 'rebalancing' },
        'risk.changed': { actions: 'setRisk' },
      },
    },
    rebalancing: {
      // Risk that left ACTIVE while orders worked: once they are done, sell what is held.
      always: [
        { guard: and(['nothingWorking', 'mustExit']), actions: 'exitAll' },
        { guard: 'nothingWorking', target: 'watching' },
      ],
      on: {
        'candles.closed': [{ guard: 'buysOverdue', actions: ['addStep', 'countStep', 'cancelBuys'] }, { actions: ['addStep', 'countStep'] }],
        'risk.changed': [{ guard: 'leavesActive', actions: ['setRisk', 'cancelBuys'] }, { actions: 'setRisk' }],
      },
    },
  },
});
