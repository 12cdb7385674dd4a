import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../../runtime/errors.js';
import type { DepthDiffEvent, DepthSnapshot } from '../order-book/diff-book.js';

/** A recorded Binance depth session: the diff frames as the websocket delivered them, and the REST snapshot taken meanwhile. */
export interface RecordedDepth {
  file: string;
  /** Each diff frame's text, unchanged, in arrival order. */
  frames: string[];
  /** The same diffs, parsed (for checks; a feed parses the frames itself). */
  diffs: DepthDiffEvent[];
  snapshot: DepthSnapshot;
  /** Frames that arrived before the snapshot's answer: a live feed has them buffered when the snapshot lands. */
  beforeSnapshot: number;
}

/** How the diffs line up with the snapshot, by Binance's rules (futures when the diffs carry `pu`, spot otherwise). */
export interface DepthAlignment {
  /** Diffs older than the snapshot, to be dropped: u < lastUpdateId (futures), u <= lastUpdateId (spot). */
  stale: number;
  /** The first kept diff covers the snapshot: U <= lastUpdateId <= u (futures), U <= lastUpdateId + 1 <= u (spot). */
  straddles: boolean;
  /** Indexes (into diffs) of kept diffs that do not follow the previous one (pu = previous u, or U = previous u + 1). */
  breaks: number[];
}

function asDiff(json: unknown): DepthDiffEvent | undefined {
  const data = ((json as { data?: unknown })?.data ?? json) as Record<string, unknown>;
  if (data?.e !== 'depthUpdate') return undefined;
  return data as unknown as DepthDiffEvent;
}

function asSnapshot(json: unknown): DepthSnapshot | undefined {
  const s = json as Partial<DepthSnapshot>;
  return typeof s?.lastUpdateId === 'number' && Array.isArray(s.bids) && Array.isArray(s.asks) ? (s as DepthSnapshot) : undefined;
}

/**
 * Parses a websocket recording, one `<receive time, ns> <json>` line per message: depth diffs (combined-stream
 * `{stream, data}` or raw), one REST depth snapshot where its answer arrived, anything else (trades, bookTicker) skipped.
 */
export function parseRecordedLines(text: string, file: string): RecordedDepth {
  const frames: string[] = [];
  const diffs: DepthDiffEvent[] = [];
  let snapshot: DepthSnapshot | undefined;
  let beforeSnapshot = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const space = line.indexOf(' ');
    const frame = line.slice(space + 1);
    let json: unknown;
    try {
      if (space < 0) throw new Error('no space after the receive time');
      json = JSON.parse(frame);
    } catch (cause) {
      throw new InputError(`${file}: line ${i + 1} is not "<receive time> <json>"`, [(cause as Error).message]);
    }
    const diff = asDiff(json);
    if (diff) {
      // One flat string per frame, as a socket hands it over (a slice of the whole recording reads slower).
      frames.push(Buffer.from(frame, 'utf8').toString('utf8'));
      diffs.push(diff);
      continue;
    }
    const s = asSnapshot(json);
    if (s && snapshot) throw new InputError(`${file}: line ${i + 1} is a second depth snapshot; one recording holds one`);
    if (s) {
      snapshot = s;
      beforeSnapshot = frames.length;
    }
  }
  if (!snapshot) throw new InputError(`${file}: no depth snapshot (a line with lastUpdateId, bids and asks)`);
  if (diffs.length === 0) throw new InputError(`${file}: no depthUpdate messages`);
  return { file, frames, diffs, snapshot, beforeSnapshot };
}

const readText = (file: string): string => {
  try {
    const raw = readFileSync(file);
    return (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  } catch (cause) {
    throw new InputError(`${file}: cannot read the recording`, [(cause as Error).message]);
  }
};

/** Reads a `.txt` or `.txt.gz` websocket recording (see parseRecordedLines). */
export function readRecordedLines(file: string): RecordedDepth {
  return parseRecordedLines(readText(file), file);
}

/**
 * Reads a REST snapshot file and a JSON array of the diff events recorded after it (raw-stream `data`
 * objects). Each frame is the event re-serialised, as Binance's raw stream sends it.
 */
export function readSnapshotThenDiffs(snapshotFile: string, diffsFile: string): RecordedDepth {
  const parse = (file: string): unknown => {
    try {
      return JSON.parse(readText(file));
    } catch (cause) {
      throw new InputError(`${file}: not valid JSON`, [(cause as Error).message]);
    }
  };
  const snapshot = asSnapshot(parse(snapshotFile));
  if (!snapshot) throw new InputError(`${snapshotFile}: not a depth snapshot (lastUpdateId, bids, asks)`);
  const list = parse(diffsFile);
  if (!Array.isArray(list) || list.length === 0) throw new InputError(`${diffsFile}: expected a non-empty array of depthUpdate events`);
  const diffs: DepthDiffEvent[] = [];
  for (const [i, entry] of list.entries()) {
    const diff = asDiff(entry);
    if (!diff) throw new InputError(`${diffsFile}: entry ${i} is not a depthUpdate event`);
    diffs.push(diff);
  }
  return { file: diffsFile, frames: diffs.map((d) => JSON.stringify(d)), diffs, snapshot, beforeSnapshot: 0 };
}

/** Checks the recording against Binance's order-book rules: what a feed drops, whether it can start, and any gaps. */
export function alignment(rec: RecordedDepth): DepthAlignment {
  const last = rec.snapshot.lastUpdateId;
  const futures = rec.diffs.some((d) => d.pu !== undefined);
  const kept = rec.diffs.findIndex((d) => (futures ? d.u >= last : d.u > last));
  if (kept < 0) return { stale: rec.diffs.length, straddles: false, breaks: [] };
  const first = rec.diffs[kept]!;
  const straddles = futures ? first.U <= last && first.u >= last : first.U <= last + 1 && first.u >= last + 1;
  const breaks: number[] = [];
  for (let i = kept + 1; i < rec.diffs.length; i++) {
    const d = rec.diffs[i]!;
    const prev = rec.diffs[i - 1]!;
    if (d.pu !== undefined ? d.pu !== prev.u : d.U !== prev.u + 1) breaks.push(i);
  }
  return { stale: kept, straddles, breaks };
}
