import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import { openStore } from '../actors/ledger/storage/store.js';
import { loadCandles } from '../actors/market-data/candles/load-candles.js';
import { replayCandles } from '../actors/market-data/replay/candle-replay.js';
import { startLocalInspector } from '../actors/runtime/inspector.js';
import { InputError } from '../actors/runtime/errors.js';
import { equityOf, type LedgerContext } from '../machines/ledger.machine.js';
import { sessionCounters } from './session-counters.js';
import { reconcileOnStart } from './reconcile.js';
import { MARKET_MAKING, PAPER_VENUE, startPaperSession } from './paper-session.js';

export interface RunPaperOptions {
  config: Config;
  logger: Logger;
  dbFile: string;
  /** Unique per run on the same journal (the CLI uses the start time in base 36). */
  sessionId: string;
  dataFile: string;
  speed: number;
  durationMs?: number;
  inspect: boolean;
  onProgress?: (done: number, total: number) => void;
  onInspector?: (pageUrl: string) => void;
}

export interface SessionSummary {
  mode: 'paper';
  symbol: string;
  bars: number;
  orders: number;
  fills: number;
  vetoes: number;
  vetoReasons: Record<string, number>;
  restarts: number;
  deadLetters: number;
  equityStart: number;
  equityEnd: number;
  actors: string[];
  haltedBy: string | null;
  /** Risk state at the end: ACTIVE, REDUCING or HALTED. */
  riskState: string;
  /** Orders left open by an earlier run, settled against the venue before this one traded. */
  reconciled: { settled: number; cancelled: number; unresolved: number };
  wallSeconds: number;
  db: string;
}

/** A paper session from start to a clean stop: replay, then cancel what rests, then report what was measured. */
export async function runPaperSession(options: RunPaperOptions): Promise<SessionSummary> {
  const { config, logger } = options;
  const series = loadCandles(options.dataFile);
  const symbol = config.strategies.marketMaking.symbol;
  if (series.symbol !== symbol) {
    throw new InputError(`${options.dataFile}: recorded market ${series.symbol} is not the configured strategies.marketMaking.symbol ${symbol}`);
  }
  if (series.gaps.length > 0) logger.warn({ gaps: series.gaps.length, first: series.gaps[0] }, 'recording has gaps; replayed as recorded, not filled');
  const first = series.candles[0];
  if (!first) throw new InputError(`${options.dataFile}: no candles`);

  const store = openStore(options.dbFile);
  const inspector = options.inspect ? await startLocalInspector() : undefined;
  if (inspector) options.onInspector?.(inspector.pageUrl);
  const session = startPaperSession({ config, logger, store, firstCandle: first, sessionId: options.sessionId, inspect: inspector?.inspect });
  const reconciled = await reconcileOnStart(store, { [PAPER_VENUE]: session.venue }, session.clock, logger);
  if (reconciled.unresolved.length > 0) {
    const reason = `reconciliation impossible for ${reconciled.unresolved.length} order(s), e.g. ${reconciled.unresolved[0]!.clientOrderId}: ${reconciled.unresolved[0]!.why}`;
    session.system.publish({ type: 'risk.halt', reason, to: 'risk' });
  }
  const counters = sessionCounters(session.system);
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.once('SIGINT', onSigint);

  logger.info({ symbol, bars: series.candles.length, db: options.dbFile, speed: options.speed }, 'paper session starting');
  const replay = await replayCandles({
    system: session.system,
    clock: session.clock,
    venue: PAPER_VENUE,
    venueActor: `venue:${PAPER_VENUE}`,
    symbol,
    candles: series.candles,
    timeframeMs: series.timeframeMs,
    speed: options.speed,
    maxWallMs: options.durationMs,
    onBar: options.onProgress,
    shouldStop: () => interrupted || session.haltedBy() !== undefined,
  });
  process.off('SIGINT', onSigint);

  session.system.publish({ type: 'orders.cancelAll', reason: 'session end' });
  await session.system.whenQuiescent();
  const ledger = session.system.actor('ledger')?.snapshot() as { context: LedgerContext } | undefined;
  const summary: SessionSummary = {
    mode: 'paper',
    symbol,
    bars: replay.bars,
    ...counters.read(),
    restarts: session.system.restartCount(),
    deadLetters: session.system.deadLettered,
    equityStart: config.capital,
    equityEnd: ledger ? equityOf(ledger.context) : config.capital,
    actors: session.system.actorNames(),
    haltedBy: session.haltedBy() ?? null,
    riskState: String((session.system.actor('risk')?.snapshot() as { value?: unknown } | undefined)?.value ?? 'unknown'),
    reconciled: { settled: reconciled.settled.length, cancelled: reconciled.cancelled.length, unresolved: reconciled.unresolved.length },
    wallSeconds: replay.wallMs / 1000,
    db: options.dbFile,
  };
  for (const name of session.system.actorNames()) {
    store.snapshots.save(name, session.system.actor(name)?.persistedSnapshot());
  }
  logger.info({ ...summary, actors: undefined, strategy: MARKET_MAKING }, 'paper session finished');
  await session.system.shutdown();
  await inspector?.stop();
  store.close();
  return summary;
}
