import { assign, enqueueActions, setup } from 'xstate';
import type { Message } from '../actors/runtime/messages.js';
import type { Outgoing } from '../actors/runtime/actor-spec.js';
import { applyFillToAccount, emptyAccount, netPnl, type StrategyAccount } from '../actors/ledger/accounts.js';

export interface LedgerInput {
  capital: number;
  /** Market time between equity marks (each mark is journaled). */
  markEveryMs: number;
}

export interface LedgerContext extends LedgerInput {
  accounts: Record<string, StrategyAccount>;
  marks: Record<string, number>;
  lastMarkTs: number;
}

export function equityOf(ctx: Pick<LedgerContext, 'capital' | 'accounts' | 'marks'>): number {
  let equity = ctx.capital;
  for (const account of Object.values(ctx.accounts)) equity += netPnl(account, ctx.marks);
  return equity;
}

/** The books: per-strategy accounts from fills, marks from market data, equity marked at a steady market-time pace. */
export const ledgerMachine = setup({
  types: { context: {} as LedgerContext, events: {} as Message, input: {} as LedgerInput, emitted: {} as Outgoing },
  guards: {
    hasFills: ({ event }) => event.type === 'orders.updated' && event.fills.length > 0,
  },
  actions: {
    applyFills: assign({
      accounts: ({ context, event }) => {
        if (event.type !== 'orders.updated') return context.accounts;
        const accounts = { ...context.accounts };
        for (const fill of event.fills) accounts[fill.strategy] = applyFillToAccount(accounts[fill.strategy] ?? emptyAccount(), fill);
        return accounts;
      },
    }),
    mark: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'candle.closed' && event.type !== 'candles.closed') return;
      const marks = Object.assign({}, context.marks);
      if (event.type === 'candle.closed') marks[event.symbol] = event.candle.close;
      else for (const { symbol, candle } of event.bars) marks[symbol] = candle.close;
      enqueue.assign({ marks });
      if (event.ts - context.lastMarkTs < context.markEveryMs) return;
      enqueue.assign({ lastMarkTs: event.ts });
      enqueue.emit({ type: 'equity.marked', equity: equityOf({ capital: context.capital, accounts: context.accounts, marks }), capital: context.capital });
    }),
  },
}).createMachine({
  id: 'ledger',
  context: ({ input }) => ({ ...input, accounts: {}, marks: {}, lastMarkTs: Number.NEGATIVE_INFINITY }),
  initial: 'booking',
  states: {
    booking: {
      on: {
        // Most reports are status changes only: no fill, no transition.
        'orders.updated': { guard: 'hasFills', actions: 'applyFills' },
        'candle.closed': { actions: 'mark' },
        'candles.closed': { actions: 'mark' },
      },
    },
  },
});
