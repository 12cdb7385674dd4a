import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import { openStore, type Store } from '../actors/ledger/storage/store.js';
import { loadCandles } from '../actors/market-data/candles/load-candles.js';
import { replayCandles } from '../actors/market-data/replay/candle-replay.js';
import { startLocalInspector } from '../actors/runtime/inspector.js';
import { InputError } from '../actors/runtime/errors.js';
import { equityOf, type LedgerContext } from '../machines/ledger.machine.js';
import type { Venue } from '../actors/venues/venue.js';
import { sessionCounters } from './session-counters.js';
import { reconcileOnStart } from './reconcile.js';
import { MARKET_MAKING, PAPER_VENUE, startPaperSession } from './paper-session.js';
import { startArbitrageSession, type ArbitrageSession } from './arbitrage-session.js';
import type { TradingSystem } from './boot.js';
import { familyOf, mergeCounts, openOrderCount, riskStateOf, worstRiskState, type ArbitrageSummary, type FamilySummary } from './session-summary.js';

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
  /** Called once the arbitrage family is live, before the replay starts (tests drive windows through it). */
  onArbitrage?: (session: ArbitrageSession) => void;
  /** Aborted: stop as at the end of the recording (cancel what rests, report). Its reason names the signal. */
  signal?: AbortSignal;
  /** Called once the families are up, with a count of their orders still open (for the operator while stopping). */
  onOpenOrders?: (count: () => number) => void;
}

/**
 * The family fields as totals over both families (equityStart is config.capital; equityEnd adds both
 * families' P&L, unallocated capital staying as it was; arbitrage actors are listed as `arbitrage/<name>`;
 * riskState is the most severe of the two), plus what only the session as a whole has.
 */
export interface SessionSummary extends Omit<FamilySummary, 'capital'> {
  mode: 'paper';
  /** This run's id on the journal: part of its intent ids, client order ids and paper fill ids. */
  session: string;
  /** What stopped the session early (`SIGINT`, `SIGTERM`), or null when it ran to its end or duration. */
  interrupted: string | null;
  symbol: string;
  bars: number;
  /** Orders left open by an earlier run, settled against the venue before this one traded. */
  reconciled: { settled: number; cancelled: number; lost: number; unresolved: number };
  strategies: { 'market-making': FamilySummary; arbitrage: ArbitrageSummary | { enabled: false } };
  wallSeconds: number;
  db: string;
}

/** Longest wait for the arbitrage family's connections to go live, and for its open trades to end at the stop. */
const LIVE_WAIT_MS = 10_000;
const SETTLE_WAIT_MS = 10_000;

/**
 * A paper session from start to a clean stop: the arbitrage family goes live on its local venues,
 * market making replays the recording, then both cancel what rests and report what was measured.
 */
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
  const arbitrage = config.strategies.arbitrage.enabled
    ? await startArbitrageSession({ config, logger, store, sessionId: options.sessionId, inspect: inspector?.inspect })
    : undefined;
  const families: TradingSystem[] = arbitrage ? [session, arbitrage] : [session];
  const venues: Record<string, Venue> = { [PAPER_VENUE]: session.venue, ...(arbitrage?.local.venues ?? {}) };
  const reconciled = await reconcileOnStart(store, venues, session.clock, logger);
  if (reconciled.unresolved.length > 0) {
    const reason = `reconciliation impossible for ${reconciled.unresolved.length} order(s), e.g. ${reconciled.unresolved[0]!.clientOrderId}: ${reconciled.unresolved[0]!.why}`;
    for (const f of families) f.system.publish({ type: 'risk.halt', reason, to: 'risk' });
  }
  const counters = sessionCounters(session.system);
  const arbCounters = arbitrage && sessionCounters(arbitrage.system);
  const stopped = () => options.signal?.aborted === true;
  options.onOpenOrders?.(() => families.reduce((n, f) => n + openOrderCount(f), 0));

  const live = arbitrage ? await arbitrage.whenLive(LIVE_WAIT_MS) : false;
  if (arbitrage) {
    if (!live) logger.warn('arbitrage: not every market went live in time; risk vetoes the ones that did not');
    arbitrage.startMarkets();
    options.onArbitrage?.(arbitrage);
  }
  logger.info({ symbol, bars: series.candles.length, db: options.dbFile, speed: options.speed, arbitrage: arbitrage !== undefined }, 'paper session starting');
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
    // An escalation in the arbitrage family halts that family only; market making replays on.
    shouldStop: () => stopped() || session.haltedBy() !== undefined,
  });

  if (arbitrage && !(await arbitrage.quiesceMarkets(SETTLE_WAIT_MS))) logger.warn('arbitrage: a multi-leg trade was still open at the stop; its orders are cancelled');
  for (const f of families) f.system.publish({ type: 'orders.cancelAll', reason: 'session end' });
  await Promise.all(families.map((f) => f.system.whenQuiescent()));

  const ledger = session.system.actor('ledger')?.snapshot() as { context: LedgerContext } | undefined;
  const mm = familyOf(session, counters.read(), session.capital, ledger ? equityOf(ledger.context) : session.capital);
  const arb: ArbitrageSummary | undefined = arbitrage && arbCounters && {
    enabled: true,
    ...familyOf(arbitrage, arbCounters.read(), arbitrage.capital, arbitrage.capital + arbitrage.pnlUsdt()),
    venues: Object.keys(arbitrage.local.venues),
    live,
    windows: arbitrage.windows.opened.length,
    outcomes: arbCounters.arbOutcomes().byStrategy,
    pnl: arbCounters.arbOutcomes().pnl,
  };
  const parts: FamilySummary[] = arb ? [mm, arb] : [mm];
  const summary: SessionSummary = {
    mode: 'paper',
    session: options.sessionId,
    interrupted: stopped() ? String(options.signal?.reason) : null,
    symbol,
    bars: replay.bars,
    orders: parts.reduce((n, p) => n + p.orders, 0),
    fills: parts.reduce((n, p) => n + p.fills, 0),
    vetoes: parts.reduce((n, p) => n + p.vetoes, 0),
    vetoReasons: parts.reduce((r, p) => mergeCounts(r, p.vetoReasons), {} as Record<string, number>),
    restarts: parts.reduce((n, p) => n + p.restarts, 0),
    deadLetters: parts.reduce((n, p) => n + p.deadLetters, 0),
    equityStart: config.capital,
    equityEnd: config.capital + parts.reduce((pnl, p) => pnl + p.equityEnd - p.equityStart, 0),
    actors: [...mm.actors, ...(arb?.actors.map((a) => `arbitrage/${a}`) ?? [])],
    haltedBy: mm.haltedBy ?? arb?.haltedBy ?? null,
    riskState: worstRiskState(families.map(riskStateOf)),
    reconciled: { settled: reconciled.settled.length, cancelled: reconciled.cancelled.length, lost: reconciled.lost.length, unresolved: reconciled.unresolved.length },
    strategies: { [MARKET_MAKING]: mm, arbitrage: arb ?? { enabled: false } } as SessionSummary['strategies'],
    wallSeconds: replay.wallMs / 1000,
    db: options.dbFile,
  };
  saveSnapshots(store, session, '');
  if (arbitrage) saveSnapshots(store, arbitrage, 'arbitrage/');
  logger.info({ session: summary.session, bars: summary.bars, orders: summary.orders, fills: summary.fills, riskState: summary.riskState, interrupted: summary.interrupted }, 'paper session finished');
  await session.system.shutdown();
  await arbitrage?.close();
  await inspector?.stop();
  store.close();
  return summary;
}

function saveSnapshots(store: Store, trading: TradingSystem, prefix: string): void {
  for (const name of trading.system.actorNames()) store.snapshots.save(`${prefix}${name}`, trading.system.actor(name)?.persistedSnapshot());
}
