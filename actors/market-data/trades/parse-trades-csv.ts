import { InputError } from '../../runtime/errors.js';
import type { Trade } from './trade.js';

const HEADER = 'ts_ms,trade_id,price,qty,is_buyer_maker,taker_side';

/**
 * Parses a trades CSV with the header `ts_ms,trade_id,price,qty,is_buyer_maker,taker_side` (data/trades,
 * data/futures): rows in time order, `taker_side` the opposite of `is_buyer_maker`. A bad row is an InputError naming
 * the file, the row (1 = the header) and the field.
 */
export function parseTradesCsv(text: string, file: string): Trade[] {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== HEADER) throw new InputError(`${file}:1: expected the header "${HEADER}", got "${lines[0]?.trim() ?? ''}"`);
  const trades: Trade[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const at = `${file}:${i + 1}`;
    const cells = line.split(',');
    if (cells.length !== 6) throw new InputError(`${at}: expected 6 columns, got ${cells.length}`);
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
