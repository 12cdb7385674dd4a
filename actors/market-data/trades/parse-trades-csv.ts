import { InputError } from '../../runtime/errors.js';
import { csvRows } from '../csv-rows.js';
import type { Trade } from './trade.js';

const HEADER = 'ts_ms,trade_id,price,qty,is_buyer_maker,taker_side';

/**
 * Parses a trades CSV with the header `ts_ms,trade_id,price,qty,is_buyer_maker,taker_side` (data/trades,
 * data/futures): rows in time order, `taker_side` the opposite of `is_buyer_maker`. A bad row is an InputError naming
 * the file, the row (1 = the header) and the field.
 */
export function parseTradesCsv(text: string, file: string): Trade[] {
  const trades: Trade[] = [];
  for (const { cells, at } of csvRows(text, file, HEADER)) {
    const [tsText, , priceText, qtyText, makerText, sideText] = cells as [string, string, string, string, string, string];
    const ts = Number(tsText);
    const price = Number(priceText);
    const qty = Number(qtyText);
    if (!Number.isSafeInteger(ts) || ts < 0) throw new InputError(`${at}: ts_ms "${tsText}" is not an epoch time in ms`);
    if (!(price > 0) || !Number.isFinite(price)) throw new InputError(`${at}: price "${priceText}" is not a positive number`);
    if (!(qty > 0) || !Number.isFinite(qty)) throw new InputError(`${at}: qty "${qtyText}" is not a positive number`);
    if (makerText !== 'true' && makerText !== 'false') throw new InputError(`${at}: is_buyer_maker "${makerText}" is not true or false`);
    const takerSide = makerText === 'true' ? 'sell' : 'buy';
    if (sideText !== takerSide) throw new InputError(`${at}: taker_side "${sideText}" contradicts is_buyer_maker ${makerText} (expected ${takerSide})`);
    const previous = trades[trades.length - 1];
    if (previous !== undefined && ts < previous.ts) throw new InputError(`${at}: ts_ms ${ts} is before the previous row's ${previous.ts}: rows must be in time order`);
    trades.push({ ts, price, qty, takerSide });
  }
  if (trades.length === 0) throw new InputError(`${file}: no trades after the header`);
  return trades;
}
