/**
 * The VPIN distribution behind the default `toxicVpin` and `toxicityMaxAgeMs` (docs/risk.md, "Order-flow toxicity"):
 *   npx tsx scripts/vpin-distribution.ts
 * VPIN after every bucket, by the functions in actors/patterns/microstructure/: on the recorded week of 1m bars (bulk
 * classification of bars as Easley, López de Prado & O'Hara 2012 did: buckets of 1/50 of the mean daily volume, a
 * window of 50 buckets; then smaller buckets and a shorter window, to show how the level moves with them), and on the
 * recorded trades (1 s bars, the settings of the microstructure summary).
 */
import { readFileSync } from 'node:fs';
import { loadCandles } from '../actors/market-data/candles/load-candles.js';
import { parseTradesCsv } from '../actors/market-data/trades/parse-trades-csv.js';
import { bulkClassify, timeBars, type VolumeBar } from '../actors/patterns/microstructure/bulk-volume.js';
import { fillVolumeBuckets } from '../actors/patterns/microstructure/volume-buckets.js';
import { vpinSeries } from '../actors/patterns/microstructure/vpin.js';
import { MICROSTRUCTURE_DEFAULTS } from '../actors/patterns/microstructure-summary.js';
import { DEFAULT_RISK_LIMITS } from '../actors/risk/limits.js';

const DAY_MS = 86_400_000;
const MIN_MS = 60_000;

/** Nearest rank: the smallest value with at least p of the sample at or below it. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function spread(xs: readonly number[], digits: number): string {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => percentile(s, p).toFixed(digits);
  return `n ${s.length}, min ${s[0]!.toFixed(digits)}, p50 ${at(0.5)}, p90 ${at(0.9)}, p95 ${at(0.95)}, p99 ${at(0.99)}, max ${s.at(-1)!.toFixed(digits)}`;
}

const out = (line: string) => process.stdout.write(`${line}\n`);

const week = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');
const bars: VolumeBar[] = week.candles.map((c, i) => ({ start: c.ts, volume: c.volume, priceChange: c.close - (i === 0 ? c.open : week.candles[i - 1]!.close) }));
const classified = bulkClassify(bars);
const dailyVolume = bars.reduce((a, b) => a + b.volume, 0) / ((bars.length * week.timeframeMs) / DAY_MS);
out(`${week.file}: ${bars.length} 1m bars, mean daily volume ${dailyVolume.toFixed(0)} BTC`);
for (const [perDay, window] of [[50, 50], [50, 10], [200, 50], [200, 10]] as const) {
  const vpins = vpinSeries(fillVolumeBuckets(classified, dailyVolume / perDay), window);
  const toxic = vpins.filter((v) => v >= DEFAULT_RISK_LIMITS.toxicVpin).length;
  out(`  buckets of 1/${perDay} day, window ${window}: VPIN ${spread(vpins, 3)}; ≥ toxicVpin ${DEFAULT_RISK_LIMITS.toxicVpin}: ${toxic} (${((100 * toxic) / vpins.length).toFixed(1)}%)`);
}
// When each 1/50-day bucket fills (at the close of the bar that fills it): how long a published VPIN stands.
const bucketVolume = dailyVolume / 50;
const filled: number[] = [];
let poured = 0;
for (const c of week.candles) {
  poured += c.volume;
  while (poured >= (filled.length + 1) * bucketVolume) filled.push(c.ts + week.timeframeMs);
}
out(`  minutes per 1/50-day bucket: ${spread(filled.slice(1).map((t, i) => (t - filled[i]!) / MIN_MS), 0)}`);

const d = MICROSTRUCTURE_DEFAULTS;
for (const file of ['data/futures/binance_usdm_btcusdt_trades_2024-08-08T2354Z_6min.csv', 'data/trades/binance_spot_btcusdt_trades_2024-08-08T2354Z_11min.csv']) {
  const trades = parseTradesCsv(readFileSync(file, 'utf8'), file);
  const total = trades.reduce((a, t) => a + t.qty, 0);
  const buckets = fillVolumeBuckets(bulkClassify(timeBars(trades, d.vpinBarMs)), total / d.vpinBuckets);
  out(`${file}: ${trades.length} trades, 1 s bars, ${d.vpinBuckets} buckets, window ${d.vpinWindow}: VPIN ${spread(vpinSeries(buckets, d.vpinWindow), 3)}`);
}
