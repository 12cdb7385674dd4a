/**
 * Market-data ingestion: recorded Binance depth diffs through the real connection path to the triangular strategy,
 * per diff, against a floor doing the same work as plain calls in the same run.
 *
 * Real: the diffs, as the websocket delivered them (text frames, unchanged; the NKNUSDT ones re-serialised from
 * their `data` objects), in their recorded order, and the REST snapshot where its answer arrived; the connection
 * actor (connection machine, depth feed, diff book, Binance's buffering and alignment rules) as the live and paper
 * sessions spawn it, with a recorded stream standing in for the socket and the REST call
 * (actors/market-data/replay/recorded-depth-stream.ts: no TCP, no frame decoding); the actor system on the wall
 * clock with nact's live scheduling; the triangular strategy actor (leg-risk machine + planner + scanner) with the
 * paper session's fee, slippage and minimum net return. Held fixed: the other legs of each triangle, published once
 * as book.updated before the stream starts (bench/ingest-markets.ts says how they are derived). No risk, execution
 * or venue actor runs: no cycle is profitable on these books (checked: any order.intent fails the bench), so the
 * strategy's whole work per diff is keeping its graph current and finding no cycle.
 *
 * Per diff: from the moment its frame enters the feed to quiescence of the system (the strategy has handled the
 * book it produced), one diff at a time; p50/p99 over every applied diff of the measured passes (at least 3,000
 * diffs) after two warm-up passes. Between passes the socket drops, and the connection reconnects and re-syncs on
 * the recorded snapshot.
 * `floorUnitsPerDiff` = 1e6 / (diffsPerSec × transitionFloorUs): the cost of one diff in cheapest XState transitions.
 */
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { ActorSystem } from '../actors/runtime/system.js';
import { SystemClock } from '../actors/runtime/clock.js';
import type { Message } from '../actors/runtime/messages.js';
import { marketConnectionActor } from '../actors/market-data/order-book/market-connection-actor.js';
import { DiffBook } from '../actors/market-data/order-book/diff-book.js';
import { readDepthFrame } from '../actors/market-data/order-book/depth-frame.js';
import { readRecordedLines, readSnapshotThenDiffs, alignment, type RecordedDepth } from '../actors/market-data/replay/recorded-depth.js';
import { RecordedDepthStream } from '../actors/market-data/replay/recorded-depth-stream.js';
import { triangularActor } from '../actors/strategies/triangular/triangular-actor.js';
import { triangularPlanner, type TriangularPlannerOptions } from '../actors/strategies/triangular/triangular-planner.js';
import { DEFAULT_RISK_LIMITS } from '../actors/risk/limits.js';
import { xstateTransitionFloorUs } from './xstate-floor.js';
import { ingestMarkets, type IngestMarkets } from './ingest-markets.js';
import { percentile } from './percentile.js';

const VENUE = 'binance';
/** Levels per side in each published book: the depth feed's default. */
const DEPTH = 100;
/**
 * Full passes before the measured one. A fresh process is still tiering its JIT and growing its heap: after one
 * pass, 40–60 of the next pass's 3,421 diffs took over 0.3 ms here (p99 ~1.2 ms); after two, about 10 (p99 ~0.15 ms).
 */
const WARM_UP_PASSES = 2;
/** Measured passes are repeated until they hold this many diffs (one pass of the USD-M recording, 20 of NKNUSDT's). */
const MIN_SAMPLES = 3_000;

const measuredPasses = (r: Recording) => Math.ceil(MIN_SAMPLES / (r.rec.frames.length - r.rec.beforeSnapshot));

interface Recording {
  name: string;
  /** The triangles' markets (bench/ingest-markets.ts), built once. */
  markets?: IngestMarkets;
  rec: RecordedDepth;
  /** ccxt symbol and stream id of the recorded market. */
  symbol: string;
  streamId: string;
  /** Binance symbols: the recorded one, then the fixed legs. */
  binance: string;
  fixed: string[];
}

export interface IngestFigures {
  diffs: number;
  diffsPerSec: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
  floorUnitsPerDiff: number;
}

function figures(latenciesUs: number[], wallMs: number, floorUs: number): IngestFigures {
  const s = [...latenciesUs].sort((a, b) => a - b);
  const diffsPerSec = s.length / (wallMs / 1_000);
  return { diffs: s.length, diffsPerSec, p50Us: percentile(s, 0.5), p99Us: percentile(s, 0.99), maxUs: s.at(-1)!, floorUnitsPerDiff: 1e6 / (diffsPerSec * floorUs) };
}

function marketsOf(r: Recording): IngestMarkets {
  r.markets ??= ingestMarkets(r.binance, r.fixed, r.rec.snapshot, DEPTH);
  return r.markets;
}

function plannerOptions(r: Recording): TriangularPlannerOptions {
  const { markets } = marketsOf(r);
  return { strategy: 'triangular', venue: VENUE, markets, fee: 0.001, minNetReturn: DEFAULT_RISK_LIMITS.minExpectedProfit, slippage: 0.0005 };
}

function fixedBooks(r: Recording) {
  return marketsOf(r).fixed.map((m) => ({ venue: VENUE, symbol: `${m.base}/${m.quote}`, ts: 0, bids: m.bids, asks: m.asks }));
}

/** The floor: the feed's and the strategy's work as plain calls (parse the frame, diff book, top of book, planner). */
function plainPasses(r: Recording, floorUs: number): IngestFigures {
  const planner = triangularPlanner(plannerOptions(r));
  let seq = 0;
  for (const book of fixedBooks(r)) planner(book, ++seq);
  const pass = () => {
    const book = new DiffBook(VENUE, r.symbol);
    for (const frame of r.rec.frames.slice(0, r.rec.beforeSnapshot)) book.onDiff(readDepthFrame(frame)!);
    book.onSnapshot(r.rec.snapshot);
    planner(book.book(DEPTH, Date.now()), ++seq);
    const latencies: number[] = [];
    const start = performance.now();
    for (const frame of r.rec.frames.slice(r.rec.beforeSnapshot)) {
      const t0 = performance.now();
      const ev = readDepthFrame(frame);
      if (ev && book.onDiff(ev) === 'applied') {
        if (planner(book.book(DEPTH, Date.now()), ++seq)) throw new Error(`${r.name}: the floor's planner found a cycle to trade`);
        latencies.push((performance.now() - t0) * 1_000);
      }
    }
    return { latencies, wallMs: performance.now() - start };
  };
  for (let n = 0; n < WARM_UP_PASSES; n++) pass();
  const latencies: number[] = [];
  let wallMs = 0;
  for (let n = 0; n < measuredPasses(r); n++) {
    const measured = pass();
    latencies.push(...measured.latencies);
    wallMs += measured.wallMs;
  }
  return figures(latencies, wallMs, floorUs);
}

/**
 * The connection actor on the recorded stream, the triangular strategy actor, the actor system: warm-up passes, the
 * measured pass, and a burst pass (every frame handed over at once, then quiescence: what the path absorbs when
 * diffs queue).
 */
async function actorPasses(r: Recording, floorUs: number): Promise<IngestFigures & { burstDiffsPerSec: number; deliveriesPerDiff: number }> {
  const stream = new RecordedDepthStream(r.rec);
  const system = new ActorSystem({ clock: new SystemClock(), logger: pino({ level: 'silent' }) });
  const connection = marketConnectionActor({
    venue: VENUE, symbol: r.symbol, streamId: r.streamId, wsUrl: 'recorded:', silenceMs: 3_600_000,
    fetchSnapshot: stream.fetchSnapshot, openSocket: stream.openSocket, machine: { baseDelayMs: 1, maxDelayMs: 2 },
  });
  let books = 0;
  let lives = 0;
  const problems: string[] = [];
  let onLive: (() => void) | undefined;
  system.observe((m: Message) => {
    if (m.type === 'book.updated' && m.book.symbol === r.symbol) books += 1;
    else if (m.type === 'market.live') {
      lives += 1;
      onLive?.();
    } else if (m.type === 'order.intents' || m.type === 'feed.gap' || m.type === 'effect.failed' || m.type === 'actor.restarted') problems.push(m.type);
  });
  const live = (count: number) => new Promise<void>((resolve) => {
    onLive = () => lives >= count && resolve();
    onLive();
  });
  system.spawn(triangularActor({ ...plannerOptions(r), deadlineMs: 10_000, hedgeDeadlineMs: 5_000, policy: 'auto' }));
  for (const book of fixedBooks(r)) system.publish({ type: 'book.updated', book });
  await system.whenQuiescent();
  system.spawn(connection);
  const pass = async () => {
    const latencies: number[] = [];
    const start = performance.now();
    for (;;) {
      const before = books;
      const t0 = performance.now();
      if (!stream.next()) break;
      await system.whenQuiescent();
      if (books > before) latencies.push((performance.now() - t0) * 1_000);
    }
    return { latencies, wallMs: performance.now() - start };
  };
  let connects = 0;
  const resync = async () => {
    if (connects > 0) stream.drop();
    connects += 1;
    await live(connects);
    await system.whenQuiescent();
  };
  try {
    for (let n = 0; n < WARM_UP_PASSES; n++) {
      await resync();
      await pass();
    }
    const latencies: number[] = [];
    let wallMs = 0;
    let delivered = 0;
    for (let n = 0; n < measuredPasses(r); n++) {
      await resync();
      const deliveredBefore = system.delivered;
      const measured = await pass();
      delivered += system.delivered - deliveredBefore;
      latencies.push(...measured.latencies);
      wallMs += measured.wallMs;
    }
    await resync();
    const burstStart = performance.now();
    let burst = 0;
    while (stream.next()) burst += 1;
    await system.whenQuiescent();
    const burstDiffsPerSec = burst / ((performance.now() - burstStart) / 1_000);
    if (problems.length > 0) throw new Error(`${r.name}: the run was not clean: ${[...new Set(problems)].join(', ')}`);
    return { ...figures(latencies, wallMs, floorUs), burstDiffsPerSec, deliveriesPerDiff: delivered / latencies.length };
  } finally {
    connection.close();
    await system.shutdown();
  }
}

function load(): Recording[] {
  const data = (path: string) => fileURLToPath(new URL(`../data/books/${path}`, import.meta.url));
  const recordings: Recording[] = [
    {
      name: 'btcusdt', rec: readRecordedLines(data('binance_usdm_btcusdt_depth_2024-08-08T2354Z_3min.txt.gz')),
      symbol: 'BTC/USDT', streamId: 'btcusdt', binance: 'BTCUSDT', fixed: ['ETHUSDT', 'ETHBTC', 'BNBUSDT', 'BNBBTC', 'BNBETH'],
    },
    {
      name: 'nknusdt', rec: readSnapshotThenDiffs(data('binance_nknusdt_depth_snapshot.json'), data('binance_nknusdt_depth_updates.json')),
      symbol: 'NKN/USDT', streamId: 'nknusdt', binance: 'NKNUSDT', fixed: ['NKNBTC', 'BTCUSDT'],
    },
  ];
  for (const r of recordings) {
    const a = alignment(r.rec);
    if (!a.straddles || a.breaks.length > 0) throw new Error(`${r.rec.file}: the diffs do not line up with the snapshot`);
  }
  return recordings;
}

async function benchRecording(r: Recording, floorUs: number) {
  const floor = plainPasses(r, floorUs);
  const actors = await actorPasses(r, floorUs);
  return { ...actors, floor, ratio: { perDiff: floor.diffsPerSec / actors.diffsPerSec, p99: actors.p99Us / floor.p99Us } };
}

/**
 * The headline is the USD-M BTCUSDT recording (3,421 diffs after the snapshot, ~70 level changes each, a book of
 * thousands of levels); `detail.nknusdt` is the spot NKNUSDT sample (149 small diffs a pass, 20 passes measured).
 */
export async function benchIngest(): Promise<Record<string, unknown>> {
  const transitionFloorUs = xstateTransitionFloorUs();
  const [btc, nkn] = load();
  const headline = await benchRecording(btc!, transitionFloorUs);
  const detail = { nknusdt: await benchRecording(nkn!, transitionFloorUs) };
  return { recording: 'binance-usdm BTCUSDT 2024-08-08 23:54Z, depth@0ms', ...headline, transitionFloorUs, detail };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${JSON.stringify(await benchIngest())}\n`);
}
