import { InputError } from '../../runtime/errors.js';
import { csvRows } from '../csv-rows.js';
import { DAY_MS, type OpenInterestDay } from './open-interest-day.js';

const HEADER = 'date_utc,ts_ms,open_interest_usd';

/**
 * Parses a daily open-interest CSV, `date_utc,ts_ms,open_interest_usd` (data/futures): `ts_ms` is the start of
 * `date_utc`, days strictly ascending. A bad row is an InputError naming the file, the row (1 = the header) and the field.
 */
export function parseOpenInterestCsv(text: string, file: string): OpenInterestDay[] {
  const days: OpenInterestDay[] = [];
  for (const { cells, at } of csvRows(text, file, HEADER)) {
    const [date, tsText, usdText] = cells as [string, string, string];
    const day = Number(tsText);
    const usd = Number(usdText);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Date.parse(`${date}T00:00:00Z`) !== day || day % DAY_MS !== 0) {
      throw new InputError(`${at}: ts_ms "${tsText}" is not the start of date_utc "${date}"`);
    }
    if (!(usd > 0) || !Number.isFinite(usd)) throw new InputError(`${at}: open_interest_usd "${usdText}" is not a positive number`);
    const previous = days[days.length - 1];
    if (previous !== undefined && day <= previous.day) throw new InputError(`${at}: date_utc ${date} is not after the previous row's: days must be ascending, each once`);
    days.push({ day, usd });
  }
  if (days.length === 0) throw new InputError(`${file}: no days after the header`);
  return days;
}
