import { InputError } from '../../runtime/errors.js';
import { csvRows } from '../csv-rows.js';
import type { Trade } from './trade.js';

const HEADER = 'ts_ms,trade_id,price,qty,is_buyer_maker,taker_side';

/** A trade and the exchange's id for it (`trade_id`). */
export interface TradeRecord {
  id: string;
  trade: Trade;
}

/**
 * Parses a trades CSV with the header `ts_ms,trade_id,price,qty,is_buyer_maker,taker_side` (data/trades,
 * data/futures): rows in time order, `taker_side` the opposite of `is_buyer_maker`. A bad row is an InputError naming
 * the file, the row (1 = the header) and the field.
 */
export function parseTradesCsv(text: string, file: string): Trade[] {
  return parseTradeRecords(text, file).map((r) => r.trade);
}

/** parseTradesCsv, keeping each row's `trade_id` (what the market-history tables key trades by). */
export function parseTradeRecords(text: string, file: string): TradeRecord[] {
  const records: TradeRecord[] = [];
  for (const { cells, at } of csvRows(text, file, HEADER)) {
    const [tsText, id, priceText, qtyText, makerText, sideText] = cells as [string, string, string, string, string, string];
    const ts = Number(tsText);
    const price = Number(priceText);
    const qty = Number(qtyText);
    if (!Number.isSafeInteger(ts) || ts < 0) throw new InputError(`${at}: ts_ms "${tsText}" is not an epoch time in ms`);
    if (id.trim() === '') throw new InputError(`${at}: trade_id is empty`);
    if (!(price > 0) || !Number.isFinite(price)) throw new InputError(`${at}: price "${priceText}" is not a positive number`);
    if (!(qty > 0) || !Number.isFinite(qty)) throw new InputError(`${at}: qty "${qtyText}" is not a positive number`);
    if (makerText !== 'true' && makerText !== 'false') throw new InputError(`${at}: is_buyer_maker "${makerText}" is not true or false`);
    const takerSide = makerText === 'true' ? 'sell' : 'buy';
    if (sideText !== takerSide) throw new InputError(`${at}: taker_side "${sideText}" contradicts is_buyer_maker ${makerText} (expected ${takerSide})`);
    const previous = records[records.length - 1];
    if (previous !== undefined && ts < previous.trade.ts) throw new InputError(`${at}: ts_ms ${ts} is before the previous row's ${previous.trade.ts}: rows must be in time order`);
    records.push({ id, trade: { ts, price, qty, takerSide } });
  }
  if (records.length === 0) throw new InputError(`${file}: no trades after the header`);
  return records;
}
