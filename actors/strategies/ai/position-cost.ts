import type { Message } from '../../runtime/messages.js';
import { afterFills, type LongOnlyBook } from '../../../machines/long-flat.orders.js';

/**
 * Cash, position and the position's average entry price after this strategy's fills in a report: buys move the
 * average, sells leave it, and a flat position has none.
 */
export function afterFillsAtCost(book: LongOnlyBook & { entryPrice: number | null }, event: Message): { cash: number; position: number; entryPrice: number | null } {
  const { cash, position } = afterFills(book, event);
  if (event.type !== 'orders.updated') return { cash, position, entryPrice: book.entryPrice };
  if (position <= 0) return { cash, position, entryPrice: null };
  let held = book.position;
  let cost = (book.entryPrice ?? 0) * held;
  for (const fill of event.fills) {
    if (fill.strategy !== book.strategy) continue;
    if (fill.side === 'buy') {
      cost += fill.price * fill.amount;
      held += fill.amount;
    } else {
      cost -= (held > 0 ? cost / held : 0) * fill.amount;
      held -= fill.amount;
    }
  }
  return { cash, position, entryPrice: held > 0 ? cost / held : book.entryPrice };
}
