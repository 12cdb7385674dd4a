import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCandles, type CandleSeries } from '../../actors/market-data/candles/load-candles.js';
import { runBacktest, type BacktestOptions } from '../../actors/backtest/run-backtest.js';
import { strategyFactory } from '../../actors/backtest/strategies.js';
import { fillModel, type FillModelName } from '../../actors/venues/replay/fill-model.js';

export function writeCandles(name: string, rows: Array<[number, number, number]>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'arbiter-bt-')), name);
  // [ms, open, high, low, close, volume] with high/low spanning open and close
  writeFileSync(file, JSON.stringify(rows.map(([ts, open, close]) => [ts, open, Math.max(open, close), Math.min(open, close), close, 1e9])));
  return file;
}

export function smaCross(series: CandleSeries, opts: { name?: string; capital?: number; fee?: number; fast?: number; slow?: number } = {}) {
  const name = opts.name ?? 'sma-cross';
  const capital = opts.capital ?? 1;
  const { machine, input } = strategyFactory('sma-cross')({ name, venue: 'replay', symbol: series.symbol, capital, feeRate: opts.fee ?? 0.001, params: { fast: opts.fast ?? 10, slow: opts.slow ?? 30 } });
  return { name, series, capital, machine, input };
}

export function run(series: CandleSeries | CandleSeries[], extra: Omit<Partial<BacktestOptions>, 'model'> & { fee?: number; model?: FillModelName; capital?: number; fast?: number; slow?: number } = {}) {
  const list = Array.isArray(series) ? series : [series];
  const fee = extra.fee ?? 0.001;
  const strategies = extra.strategies ?? list.map((s) => smaCross(s, { name: list.length > 1 ? `sma-cross.${s.symbol.replace('/', '-')}` : undefined, capital: extra.capital, fee, fast: extra.fast, slow: extra.slow }));
  return runBacktest({ venueId: 'replay', ...extra, strategies, model: fillModel(extra.model ?? 'optimistic', fee) });
}

export const load = (pair: string) => loadCandles(`data/candles/${pair}.json`);
