/**
 * Issue 17: the replay of a real day of the USDC/WETH 0.05% pool (6,045 swaps checked to the wei, 123 mints and
 * burns), target ≤ 200 ms, beside its floor in the same run: parsing the same CSV into bigint events, which any
 * replay must do first. Median of several timed runs after warm-up runs.
 */
import { readFileSync } from 'node:fs';
import { parsePoolEvents } from '../actors/amm/v3/pool-events.js';
import { replayEvents } from '../actors/amm/v3/replay-events.js';

const FILE = 'data/dex/uniswap_v3_usdc_weth_500_0x88e6_2024-01-05_events.csv';
const TARGET_MS = 200;
const WARM = 3;
const RUNS = 7;

function medianMs(work: () => void): number {
  for (let i = 0; i < WARM; i++) work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1]!;
}

export function benchAmm(): Record<string, unknown> {
  const text = readFileSync(FILE, 'utf8');
  const events = parsePoolEvents(text, FILE);
  let swaps = 0;
  let reproduced = 0;
  const parseMs = medianMs(() => void parsePoolEvents(text, FILE));
  const replayMs = medianMs(() => {
    const r = replayEvents(events, { fee: 500, tickSpacing: 10 });
    swaps = r.swaps;
    reproduced = r.reproduced;
  });
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    replayDayMs: round(replayMs),
    targetMs: TARGET_MS,
    met: replayMs <= TARGET_MS,
    parseFloorMs: round(parseMs),
    swaps,
    reproduced,
    perSwapUs: round((replayMs * 1000) / swaps),
  };
}
