/**
 * What the pattern actor publishes as `market.toxicity` on the recorded candles, behind risk's `toxicPercentile` and
 * `toxicityMaxAgeMs` defaults (docs/risk.md, "Order-flow toxicity"):
 *   npx tsx scripts/vpin-distribution.ts
 * The same measures as actors/patterns/pattern.machine.ts: BarVpin (bulk classification of each bar, buckets of 1/50
 * of a day's volume, a window of 50) and the VPIN's percentile among the market's earlier ones, published once 50
 * are known.
 */
import { readdirSync } from 'node:fs';
import { loadCandles } from '../actors/market-data/candles/load-candles.js';
import { BarVpin } from '../actors/patterns/microstructure/bar-vpin.js';
import { RunningPercentile } from '../actors/patterns/microstructure/running-percentile.js';
import { TOXICITY_HISTORY, TOXICITY_MIN_HISTORY } from '../actors/patterns/pattern.machine.js';
import { DEFAULT_RISK_LIMITS } from '../actors/risk/limits.js';

/** Nearest rank: the smallest value with at least p of the sample at or below it. */
const rank = (sorted: readonly number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
const out = (line: string) => process.stdout.write(`${line}\n`);
const threshold = DEFAULT_RISK_LIMITS.toxicPercentile;

out(`file | bars | VPIN p50 / p95 / max | toxicity messages | percentile ≥ ${threshold} | minutes between messages p50 / p95 / max`);
for (const name of readdirSync('data/candles').filter((f) => f.endsWith('.json')).sort()) {
  const { candles } = loadCandles(`data/candles/${name}`);
  const vpin = new BarVpin();
  const history = new RunningPercentile(TOXICITY_HISTORY);
  const vpins: number[] = [];
  const times: number[] = [];
  let toxic = 0;
  for (const c of candles) {
    const before = vpin.buckets;
    const v = vpin.push(c);
    if (v === null || vpin.buckets === before) continue;
    const enough = history.count >= TOXICITY_MIN_HISTORY;
    const p = history.push(v);
    vpins.push(v);
    if (!enough || p === null) continue;
    times.push(c.ts);
    if (p >= threshold) toxic += 1;
  }
  const sorted = [...vpins].sort((a, b) => a - b);
  const gaps = times.slice(1).map((t, i) => (t - times[i]!) / 60_000).sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(3);
  out(`${name} | ${candles.length} | ${f(rank(sorted, 0.5))} / ${f(rank(sorted, 0.95))} / ${f(sorted.at(-1)!)} | ${times.length} | ${toxic} (${((100 * toxic) / times.length).toFixed(1)}%) | ${rank(gaps, 0.5)} / ${rank(gaps, 0.95)} / ${gaps.at(-1)}`);
}
