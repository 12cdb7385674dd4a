import { InputError } from '../../runtime/errors.js';
import { alignment, type RecordedDepth } from '../../market-data/replay/recorded-depth.js';
import type { BookLevel } from '../../market-data/types.js';

/** A change to the book known from `ts` on: a snapshot replaces both sides, a diff sets levels (amount 0 removes one). */
export interface BookUpdate {
  /** Exchange time from which the book after this update is known, epoch ms. */
  ts: number;
  snapshot: boolean;
  bids: readonly BookLevel[];
  asks: readonly BookLevel[];
}

/**
 * A recorded book as a sequence of updates in time order, the first a snapshot, and the span it covers: from the
 * snapshot to the last update. A bar whose close falls outside [from, to] has no book (after `to` the recording has
 * ended, so the last state is not carried on).
 */
export interface BookTape {
  from: number;
  to: number;
  updates: readonly BookUpdate[];
}

const levels = (side: ReadonlyArray<readonly [string | number, string | number]>): BookLevel[] => side.map(([p, q]) => [Number(p), Number(q)] as const);

/**
 * The book tape of a Binance depth recording (readRecordedLines): its REST snapshot at the snapshot's event time `E`,
 * then the diffs that follow it by Binance's rules (alignment) at their event times. An update's time is never before
 * the previous one's: a diff whose `E` is earlier is known only once the updates before it are (its time is raised).
 * A recording whose diffs do not line up with the snapshot, or break the chain, is an InputError naming the file.
 */
export function bookTapeFromRecording(rec: RecordedDepth): BookTape {
  const snapshotTs = (rec.snapshot as { E?: unknown }).E;
  if (typeof snapshotTs !== 'number') throw new InputError(`${rec.file}: the depth snapshot has no event time E, so the book cannot be placed in time`);
  const { stale, straddles, breaks } = alignment(rec);
  if (!straddles) throw new InputError(`${rec.file}: the first depth diff after the snapshot (lastUpdateId ${rec.snapshot.lastUpdateId}) does not straddle it: diffs are missing`);
  if (breaks.length > 0) throw new InputError(`${rec.file}: depth diff ${breaks[0]} (u ${rec.diffs[breaks[0]!]!.u}) does not follow the one before it: ${breaks.length} break(s) in the update chain`);
  const updates: BookUpdate[] = [{ ts: snapshotTs, snapshot: true, bids: levels(rec.snapshot.bids), asks: levels(rec.snapshot.asks) }];
  for (let i = stale; i < rec.diffs.length; i++) {
    const diff = rec.diffs[i]!;
    if (typeof diff.E !== 'number') throw new InputError(`${rec.file}: depth diff ${i} (u ${diff.u}) has no event time E`);
    updates.push({ ts: Math.max(diff.E, updates[updates.length - 1]!.ts), snapshot: false, bids: levels(diff.b), asks: levels(diff.a) });
  }
  return { from: snapshotTs, to: updates[updates.length - 1]!.ts, updates };
}
