import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../../runtime/errors.js';
import { readNewsFile } from '../../market-data/news/read-news-file.js';
import { parseOpenInterestCsv } from '../../market-data/open-interest/parse-open-interest-csv.js';
import { readRecordedLines } from '../../market-data/replay/recorded-depth.js';
import { parseTradesCsv } from '../../market-data/trades/parse-trades-csv.js';
import type { FeatureMatrixInput } from '../build-feature-matrix.js';
import { bookTapeFromRecording } from './book-tape.js';
import { tradeTape } from './trade-tape.js';

/** The data files of a feature run, each optional (the CLI's --news, --books, --trades, --open-interest). */
export interface FeatureInputFiles {
  /** News JSONL (data/news). */
  news?: string;
  /** A Binance depth websocket recording, `.txt` or `.txt.gz`: REST snapshot plus depth diffs (data/books). */
  books?: string;
  /** Trades CSV `ts_ms,trade_id,price,qty,is_buyer_maker,taker_side`, optionally gzipped (data/trades, data/futures). */
  trades?: string;
  /** Daily open interest CSV `date_utc,ts_ms,open_interest_usd` (data/futures). */
  openInterest?: string;
}

async function readText(file: string, what: string): Promise<string> {
  try {
    const raw = await readFile(file);
    return (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  } catch (cause) {
    throw new InputError(`${file}: cannot read ${what} file (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`);
  }
}

/**
 * Reads the files given into the data a feature matrix takes; a file that is missing or malformed is an InputError
 * naming it (and the row, line or diff at fault). Whether the data overlaps the candles is buildFeatureMatrix's check.
 */
export async function loadFeatureInputs(files: FeatureInputFiles): Promise<Pick<FeatureMatrixInput, 'news' | 'books' | 'trades' | 'openInterest'>> {
  const out: Pick<FeatureMatrixInput, 'news' | 'books' | 'trades' | 'openInterest'> = {};
  if (files.news !== undefined) out.news = readNewsFile(files.news);
  if (files.books !== undefined) {
    if (!/\.txt(\.gz)?$/.test(files.books)) throw new InputError(`${files.books}: books must be a depth websocket recording (.txt or .txt.gz: "<receive time> <json>" lines with a REST snapshot and depthUpdate diffs)`);
    out.books = bookTapeFromRecording(readRecordedLines(files.books));
  }
  if (files.trades !== undefined) out.trades = tradeTape(parseTradesCsv(await readText(files.trades, 'trades'), files.trades));
  if (files.openInterest !== undefined) out.openInterest = parseOpenInterestCsv(await readText(files.openInterest, 'open interest'), files.openInterest);
  return out;
}
