import { InputError } from '../../runtime/errors.js';
import type { Pool } from './pool.js';

/** A pair as recorded in data/dex/*_pairs_2020-10.json. */
export interface SnapshotPair {
  address: string;
  token0: { address: string; symbol: string; decimal: number };
  token1: { address: string; symbol: string; decimal: number };
  reserve0: bigint;
  reserve1: bigint;
}

/**
 * The snapshot files write reserves as bare JSON numbers above 2^53; JSON.parse would round them.
 * Quote the digits first, then parse them as bigint.
 */
export function parseSnapshotPairs(text: string, source: string): SnapshotPair[] {
  const quoted = text.replace(/("reserve[01]"\s*:\s*)(\d+)/g, '$1"$2"');
  let raw: unknown;
  try {
    raw = JSON.parse(quoted);
  } catch (err) {
    throw new InputError(`${source}: not valid JSON`, [(err as Error).message]);
  }
  if (!Array.isArray(raw)) throw new InputError(`${source}: expected a JSON array of pairs`);
  return raw.map((entry: Record<string, any>, index) => {
    for (const field of ['address', 'token0', 'token1', 'reserve0', 'reserve1']) {
      if (entry?.[field] === undefined) throw new InputError(`${source}: pair at index ${index}: field "${field}" missing`);
    }
    return {
      address: entry.address,
      token0: entry.token0,
      token1: entry.token1,
      reserve0: BigInt(entry.reserve0),
      reserve1: BigInt(entry.reserve1),
    } as SnapshotPair;
  });
}

export function snapshotToPools(pairs: SnapshotPair[], dex: string): Pool[] {
  return pairs.map((p) => ({
    dex,
    pair: p.address,
    token0: p.token0.address.toLowerCase(),
    token1: p.token1.address.toLowerCase(),
    reserve0: p.reserve0,
    reserve1: p.reserve1,
  }));
}
