import { readFileSync } from 'node:fs';
import { projectPath } from '../../runtime/project-root.js';
import { parseSnapshotPairs, snapshotToPools, type SnapshotPair } from './snapshot-pairs.js';
import type { Pool } from './pool.js';

const dataDir = `${projectPath('data', 'dex')}/`;

export const UNISWAP_SNAPSHOT = `${dataDir}uniswap_v2_pairs_2020-10.json`;
export const SUSHISWAP_SNAPSHOT = `${dataDir}sushiswap_pairs_2020-10.json`;

export function loadSnapshotPairs(path: string): SnapshotPair[] {
  return parseSnapshotPairs(readFileSync(path, 'utf8'), path);
}

export function loadSnapshotPools(path: string, dex: string): Pool[] {
  return snapshotToPools(loadSnapshotPairs(path), dex);
}
