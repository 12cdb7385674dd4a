import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Candle } from '../types.js';
import { InputError } from '../../runtime/errors.js';
import { parseCandles, type CandleFormat } from './parse-candles.js';
import { detectGaps, inferTimeframeMs, type CandleGap } from './gaps.js';

export interface CandleSeries {
  file: string;
  /** From the file name, e.g. ADA_BTC-5m.json → ADA/BTC. */
  symbol: string;
  format: CandleFormat;
  timeframeMs: number;
  candles: Candle[];
  gaps: CandleGap[];
}

export function symbolFromFileName(file: string): string {
  const name = basename(file).replace(/\.json$/i, '');
  const pair = name.split('-')[0] ?? name;
  return pair.replace('_', '/');
}

/** Reads, validates and gap-checks a candle file in either format. Bad data throws an InputError naming the file and row. */
export function loadCandles(file: string): CandleSeries {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InputError(`${file}: cannot read candle file`, [(cause as Error).message]);
  }
  if (text.trim() === '') throw new InputError(`${file}: no candles (empty file)`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new InputError(`${file}: not valid JSON`, [(cause as Error).message]);
  }
  const { candles, format } = parseCandles(json, file);
  const timeframeMs = inferTimeframeMs(candles);
  return { file, symbol: symbolFromFileName(file), format, timeframeMs, candles, gaps: detectGaps(candles, timeframeMs) };
}
