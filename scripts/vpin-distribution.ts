/**
 * What the pattern actor publishes as `market.toxicity` on the recorded candles, behind risk's `toxicPercentile` and
 * `toxicityMaxAgeMs` defaults (docs/risk.md, "Order-flow toxicity"):
 *   npx tsx scripts/vpin-distribution.ts
 * The same measures as actors/patterns/pattern.machine.ts (ToxicityMeter): BarVpin (bulk classification of each bar, buckets of 1/50
 * of a day's volume, a window of 50) and the VPIN's percentile among the market's earlier ones, published once 50
 * are known.
 */
import { readdirSync } from 'node:fs';
import { loadCandles } from '../actors/market-data/candles/load-candles.js';
import { ToxicityMeter } from '../actors/patterns/microstructure/toxicity-meter.js';
import { DEFAULT_RISK_LIMITS } from '../actors/risk/limits.js';

/** Nearest rank: the smallest value with at least p of the sample at or below it. */
const rank = (sorted: readonly number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
const out = (line: string) => process.stdout.write(`${line}\n`);
const threshold = DEFAULT_RISK_LIMITS.toxicPercentile;

out(`file | bars | VPIN p50 / p95 / max | toxicity messages | percentile ≥ ${threshold} | minutes between messages p50 / p95 / max`);
for (const name of readdirSync('data/candles').filter((f) => f.endsWith('.json')).sort()) {
  const { candles } = loadCandles(`data/candles/${name}`);
  const meter = new ToxicityMeter();
  const vpins: number[] = [];
  const times: number[] = [];
  let toxic = 0;
  for (const c of candles) {
    const reading = meter.push(c);
    if (reading === null) continue;
    vpins.push(reading.vpin);
    const p = reading.percentile;
    if (p === null) continue;
    times.push(c.ts);
    if (p >= threshold) toxic += 1;
  }
  const sorted = [...vpins].sort((a, b) => a - b);
  const gaps = times.slice(1).map((t, i) => (t - times[i]!) / 60_000).sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(3);
  out(`${name} | ${candles.length} | ${f(rank(sorted, 0.5))} / ${f(rank(sorted, 0.95))} / ${f(sorted.at(-1)!)} | ${times.length} | ${toxic} (${((100 * toxic) / times.length).toFixed(1)}%) | ${rank(gaps, 0.5)} / ${rank(gaps, 0.95)} / ${gaps.at(-1)}`);
}
