import type { Candle } from '../types.js';
import { InputError } from '../../runtime/errors.js';

/** The two candle file formats in data/candles. */
export type CandleFormat = 'array' | 'object';

const MAX_ISSUES = 20;

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return NaN;
}

function fromArrayRow(row: unknown): Candle | string {
  if (!Array.isArray(row) || row.length < 6) return 'expected [ms, open, high, low, close, volume]';
  return { ts: toNumber(row[0]), open: toNumber(row[1]), high: toNumber(row[2]), low: toNumber(row[3]), close: toNumber(row[4]), volume: toNumber(row[5]) };
}

function fromObjectRow(row: unknown): Candle | string {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return 'expected an object with openTimeInMillis, open, high, low, close, volume';
  const r = row as Record<string, unknown>;
  return { ts: toNumber(r.openTimeInMillis), open: toNumber(r.open), high: toNumber(r.high), low: toNumber(r.low), close: toNumber(r.close), volume: toNumber(r.volume) };
}

/** Why a candle is invalid (first problem found), or undefined. */
function candleProblem(c: Candle, prevTs: number | undefined): string | undefined {
  for (const field of ['ts', 'open', 'high', 'low', 'close', 'volume'] as const) {
    if (!Number.isFinite(c[field])) return `${field} is not a number`;
  }
  if (!Number.isInteger(c.ts) || c.ts < 0) return `ts ${c.ts} is not an epoch-ms integer`;
  if (c.open <= 0 || c.high <= 0 || c.low <= 0 || c.close <= 0) return 'prices must be positive';
  if (c.volume < 0) return `volume ${c.volume} is negative`;
  if (c.high < Math.max(c.open, c.close) || c.low > Math.min(c.open, c.close) || c.low > c.high) {
    return `inconsistent OHLC (open ${c.open}, high ${c.high}, low ${c.low}, close ${c.close})`;
  }
  if (prevTs !== undefined && c.ts <= prevTs) return `time ${c.ts} is not after the previous candle's ${prevTs} (unsorted or duplicate)`;
  return undefined;
}

export function detectFormat(rows: readonly unknown[]): CandleFormat {
  return Array.isArray(rows[0]) ? 'array' : 'object';
}

/**
 * Validates and converts parsed JSON into candles. Throws one InputError listing every bad row
 * (up to 20) as `<file>: candle at index <i>: <problem>`, indexes counted from 0 as in the JSON array.
 */
export function parseCandles(json: unknown, file: string): { candles: Candle[]; format: CandleFormat } {
  if (!Array.isArray(json)) throw new InputError(`${file}: expected a JSON array of candles`);
  if (json.length === 0) throw new InputError(`${file}: no candles`);
  const format = detectFormat(json);
  const convert = format === 'array' ? fromArrayRow : fromObjectRow;
  const candles: Candle[] = new Array(json.length);
  const issues: string[] = [];
  let prevTs: number | undefined;
  for (let i = 0; i < json.length; i++) {
    const c = convert(json[i]);
    const problem = typeof c === 'string' ? c : candleProblem(c, prevTs);
    if (problem !== undefined) {
      issues.push(`${file}: candle at index ${i}: ${problem}`);
      if (issues.length >= MAX_ISSUES) break;
      continue;
    }
    const candle = c as Candle;
    candles[i] = candle;
    prevTs = candle.ts;
  }
  if (issues.length > 0) throw new InputError(`${file}: malformed candle data (${issues[0]!.slice(file.length + 2)})`, issues);
  return { candles, format };
}
