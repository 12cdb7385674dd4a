import { readPoolEvents, type PoolEvent } from '../../amm/v3/pool-events.js';
import { InputError } from '../../runtime/errors.js';
import { feeTierOfFile } from '../../amm/v3/fee-tier.js';

/** The fee tiers the real UniswapV3Factory enables at deployment (100 is enabled only by its owner later). */
const FACTORY_TIERS = [500, 3000, 10000] as const;

/** One recorded pool: its tier, and the first recorded swap, whose after-state the chain pool starts from. */
export interface RecordedPool {
  file: string;
  fee: 500 | 3000 | 10000;
  tickSpacing: number;
  first: PoolEvent;
}

/** A recorded swap to send, tagged with its pool's fee. */
export interface RecordedSwap {
  fee: number;
  event: PoolEvent;
}

/** One recorded block with swaps, all pools merged in log order; the pools' first swaps are left out. */
export interface RecordedBlock {
  block: number;
  ts: number;
  swaps: RecordedSwap[];
}

/** The pool's fee tier from the file name (actors/amm/v3/fee-tier.ts), one the factory enables. */
export function feeFromFileName(file: string): { fee: 500 | 3000 | 10000; tickSpacing: number } {
  const { fee, tickSpacing } = feeTierOfFile(file);
  if (!(FACTORY_TIERS as readonly number[]).includes(fee)) throw new InputError(`${file}: fee tier ${fee} is not one the V3 factory enables (${FACTORY_TIERS.join(', ')})`);
  return { fee: fee as 500 | 3000 | 10000, tickSpacing };
}

/**
 * Reads the recorded event files, one pool each, and merges their swaps by block, then log index. Each pool's first
 * swap is where its chain pool is initialised, so it is not replayed; a block whose only swap was a first one is kept
 * (with no swaps) so every recorded block with a swap is one step.
 */
export function readRecordedSwaps(files: readonly string[]): { pools: RecordedPool[]; blocks: RecordedBlock[] } {
  if (files.length === 0) throw new InputError('no recorded event files given');
  const pools: RecordedPool[] = [];
  const all: RecordedSwap[] = [];
  for (const file of files) {
    const { fee, tickSpacing } = feeFromFileName(file);
    const other = pools.find((p) => p.fee === fee);
    if (other) throw new InputError(`${file}: fee tier ${fee} is already ${other.file}; one file per pool`);
    const swaps = readPoolEvents(file).filter((e) => e.kind === 'SWAP');
    const first = swaps[0];
    if (first === undefined) throw new InputError(`${file}: no SWAP events`);
    pools.push({ file, fee, tickSpacing, first });
    for (const event of swaps.slice(1)) all.push({ fee, event });
  }
  const firstBlocks = pools.map((p) => ({ fee: 0, event: p.first }));
  const byBlock = new Map<number, RecordedBlock>();
  for (const { event } of [...firstBlocks, ...all]) {
    if (!byBlock.has(event.blockNumber)) byBlock.set(event.blockNumber, { block: event.blockNumber, ts: event.ts, swaps: [] });
  }
  all.sort((a, b) => a.event.blockNumber - b.event.blockNumber || a.event.logIndex - b.event.logIndex);
  for (const swap of all) byBlock.get(swap.event.blockNumber)!.swaps.push(swap);
  const blocks = [...byBlock.values()].sort((a, b) => a.block - b.block);
  return { pools: pools.sort((a, b) => a.fee - b.fee), blocks };
}
