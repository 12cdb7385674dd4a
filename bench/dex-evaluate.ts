import { performance } from 'node:perf_hooks';
import type { Pool } from '../actors/strategies/flash-loan/pool.js';
import { evaluatePair } from '../actors/strategies/flash-loan/opportunities.js';
import { loadSnapshotPools, UNISWAP_SNAPSHOT } from '../actors/strategies/flash-loan/load-snapshot.js';

/**
 * 10,000 pool pairs from the real Uniswap V2 snapshot: each real pool against a second DEX's copy of
 * it whose reserve1 is moved by a seeded -2%..+2% (the snapshot has only 116 real cross-DEX overlaps).
 */
export function benchPoolPairs(count = 10_000): Array<[Pool, Pool]> {
  const real = loadSnapshotPools(UNISWAP_SNAPSHOT, 'uniswap').filter((p) => p.reserve0 > 1000n && p.reserve1 > 1000n);
  let seed = 42;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pairs: Array<[Pool, Pool]> = [];
  for (let i = 0; pairs.length < count; i++) {
    const p = real[i % real.length]!;
    const bp = BigInt(Math.round((rand() - 0.5) * 400));
    pairs.push([p, { ...p, dex: 'copy', pair: `${p.pair}-copy`, reserve1: (p.reserve1 * (10_000n + bp)) / 10_000n }]);
  }
  return pairs;
}

/** The benchmarked work: exact bigint evaluation with optimal sizing, profit counted in token0. */
export function evaluateAll(pairs: Array<[Pool, Pool]>): number {
  let found = 0;
  for (const [p, q] of pairs) if (evaluatePair(p, q, p.token0)) found++;
  return found;
}

/**
 * The floor: the same loop over the same pairs computing the same closed-form optimum in float64
 * (no bigint, no exact rounding): what touching every pair with this formula costs at minimum.
 */
export function evaluateAllFloat(pairs: Array<[number, number, number, number]>): number {
  let found = 0;
  for (const [a0, a1, b0, b1] of pairs) {
    for (const [buyBase, buyQuote, sellBase, sellQuote] of [[a0, a1, b0, b1], [b0, b1, a0, a1]] as const) {
      const a = 0.997 * 0.997 * buyQuote * sellBase;
      const b = buyBase * sellQuote;
      if (a <= b) continue;
      const x = (Math.sqrt(a * b) - b) / (0.997 * (sellQuote + 0.997 * buyQuote));
      if (x > 0) found++;
    }
  }
  return found;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median of `runs` timed runs after a warm-up, for both the real work and its floor. */
export function benchEvaluate(runs = 15): { evaluate10kMs: number; evaluate10kFloorMs: number; pairs: number; profitable: number; profitableFloat: number } {
  const pairs = benchPoolPairs();
  const floats = pairs.map(([p, q]) => [Number(p.reserve0), Number(p.reserve1), Number(q.reserve0), Number(q.reserve1)] as [number, number, number, number]);
  let profitable = 0;
  let profitableFloat = 0;
  const real: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    let t = performance.now();
    profitable = evaluateAll(pairs);
    const realMs = performance.now() - t;
    t = performance.now();
    profitableFloat = evaluateAllFloat(floats);
    const floorMs = performance.now() - t;
    if (i >= 3) {
      real.push(realMs);
      floor.push(floorMs);
    }
  }
  return { evaluate10kMs: median(real), evaluate10kFloorMs: median(floor), pairs: pairs.length, profitable, profitableFloat };
}
