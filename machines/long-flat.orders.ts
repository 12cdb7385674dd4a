import { and } from 'xstate';
import type { Message } from '../actors/runtime/messages.js';
import type { OrderIntent } from '../actors/risk/intent.js';
import type { Candle } from '../actors/market-data/types.js';

/**
 * The bar and order bookkeeping of a long-only, one-symbol strategy machine: which close is its own, what its fills
 * do to cash and position, and the market order it sends. Pure.
 */
export interface LongOnlyBook {
  strategy: string;
  venue: string;
  symbol: string;
  /** Fee rate on notional the strategy expects, used only to size entries so cash covers the fee. */
  feeRate: number;
  /** Fraction of cash committed on entry (1 = all in). */
  fraction: number;
  cash: number;
  position: number;
  /** Intents sent so far: the next intent id is `${strategy}-${seq + 1}`, or `${strategy}-${session}-${seq + 1}`. */
  seq: number;
  /** Distinguishes this session's intent ids from earlier sessions' on the same journal (a restart starts at seq 0). */
  session?: string;
}

export type LongOnlyEvent = Message<'candle.closed'> | Message<'candles.closed'> | Message<'orders.updated'> | Message<'orders.denied'>;

const DONE = new Set(['filled', 'cancelled', 'rejected']);
const DUST = 1e-9;

/** This strategy's bar in a bar event (one bar, or a step's bars), or undefined when the event carries none. */
export function ownCandle(book: Pick<LongOnlyBook, 'venue' | 'symbol'>, event: Message): Candle | undefined {
  if (event.type === 'candle.closed') return event.symbol === book.symbol && event.venue === book.venue ? event.candle : undefined;
  if (event.type !== 'candles.closed' || event.venue !== book.venue) return undefined;
  for (const bar of event.bars) if (bar.symbol === book.symbol) return bar.candle;
  return undefined;
}

/** This strategy's close in a bar event, or undefined when the event carries none. */
export function ownClose(book: LongOnlyBook, event: Message): number | undefined {
  return ownCandle(book, event)?.close;
}

/** Float residue of selling what was bought (1e-16 of a coin) is flat, not a position to exit. */
function settle(position: number, amount: number): number {
  return Math.abs(position) <= DUST * amount ? 0 : position;
}

/** Cash and position after this strategy's fills in a report (others' fills are skipped). */
export function afterFills(book: LongOnlyBook, event: Message): { cash: number; position: number } {
  let { position, cash } = book;
  if (event.type !== 'orders.updated') return { cash, position };
  for (const { strategy, side, price, amount, fee } of event.fills) {
    if (strategy !== book.strategy) continue;
    const sign = side === 'buy' ? 1 : -1;
    position = settle(position + sign * amount, amount);
    cash = cash - sign * price * amount - fee;
  }
  return { cash, position };
}

export const hasOwnFills = (book: LongOnlyBook, event: Message): boolean => event.type === 'orders.updated' && event.fills.some((f) => f.strategy === book.strategy);

export const ownOrderDone = (book: LongOnlyBook, event: Message): boolean =>
  event.type === 'orders.updated' && event.updates.some((o) => o.strategy === book.strategy && DONE.has(o.status));

export const isOwnDenial = (book: LongOnlyBook, event: Message): boolean => event.type === 'orders.denied' && event.denials.some((d) => d.intent.strategy === book.strategy);

/** A market order sized on `close`: a buy spends `fraction` of cash with its fee, a sell closes the whole position. */
export function marketIntent(book: LongOnlyBook, side: 'buy' | 'sell', close: number): OrderIntent {
  const amount = side === 'buy' ? (book.cash * book.fraction) / (close * (1 + book.feeRate)) : book.position;
  return {
    intentId: book.session ? `${book.strategy}-${book.session}-${book.seq + 1}` : `${book.strategy}-${book.seq + 1}`,
    strategy: book.strategy,
    venue: book.venue,
    symbol: book.symbol,
    side,
    kind: side === 'buy' ? 'open' : 'reduce',
    type: 'market',
    amount,
    price: close,
  };
}

/**
 * The `orders.updated` transitions of a long/flat machine while its order works: fills move cash and position
 * (`applyFills`); once the order is done the position says where it is (`long` when `holding`, else `flat`).
 */
export const ORDER_REPORT = [
  { guard: and(['ownOrderDone', 'holding']), target: 'long', actions: 'applyFills' },
  { guard: 'ownOrderDone', target: 'flat', actions: 'applyFills' },
  { guard: 'ownFills', actions: 'applyFills' },
] as const;
