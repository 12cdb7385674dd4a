import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Store } from '../actors/ledger/storage/store.js';
import { describeJournal, openJournal, sessionJournal, type JournalLocation } from '../actors/ledger/storage/open-journal.js';
import { loadCandles } from '../actors/market-data/candles/load-candles.js';
import { replayCandles } from '../actors/market-data/replay/candle-replay.js';
import { startLocalInspector } from '../actors/runtime/inspector.js';
import { SimulatedClock, SystemClock } from '../actors/runtime/clock.js';
import { InputError } from '../actors/runtime/errors.js';
import { reconcileWithVenues } from './reconcile.js';
import { readWorldFile, type WorldFile } from './world/world-file.js';
import { paperVenueId, startCandleFamily } from './candle-family.js';
import { startArbitrageSession, type ArbitrageSession } from './arbitrage-session.js';
import { planPaperFamilies, prepareFamilies, type FamilyPlan } from './session-plan.js';
import { declarationOf } from '../actors/strategies/catalogue/catalogue.js';
import { runningFamily, type RunningFamily } from './running-family.js';
import { runningUniverseFamily } from './running-universe.js';
import { ledgerEquity } from './ledger-equity.js';
import { joinCluster, type ClusterNode } from './cluster-node.js';
import { linkToVenueNode, onClusterNode } from './cluster/strategy-node.js';
import type { StrategyLink } from './cluster/strategy-link.js';
import { openOrderCount, riskStateOf, worstRiskState } from './session-summary.js';
import { untilStopped } from './until-stopped.js';
import { startLpHost } from './lp-host.js';
import { allocate } from './session-allocation.js';
import { familyReport, saveSnapshots, sessionSummary, type SessionSummary } from './paper-session-summary.js';
import type { SessionProbe } from './operator/session-probe.js';
import { startActorKiller } from './chaos/actor-killer.js';
import { SESSION_STARTING } from './session-starting.js';

export interface RunPaperOptions {
  config: Config;
  logger: Logger;
  /** The SQLite file trained models are read from; the journal too, unless `journal` says otherwise. */
  dbFile: string;
  /** Where the session journals (config `storage`); default the SQLite file `dbFile`. */
  journal?: JournalLocation;
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
  /** Run as a node of the cluster (`cluster.nodeId`, Redis at `redis.url`): the candle families' approvals are held against the shared budget. */
  cluster?: boolean;
  /**
   * With `cluster`: `strategies` trades the candle families on the venue node's accounts and market (Redis Streams,
   * supervisors/cluster/) instead of paper venues and a recording of its own; the other families do not run here.
   */
  clusterRole?: 'strategies';
  /** With clusterRole `strategies`: the venue node serves the universe family too (--universe): it trades there, on the link's steps. */
  clusterUniverse?: boolean;
  /** Aborted: stop as at the end of the recording (cancel what rests, report). Its reason names the signal. */
  signal?: AbortSignal;
  /** Called once the families are up, with a count of their orders still open (for the operator while stopping). */
  onOpenOrders?: (count: () => number) => void;
  /** Told of each step of the start and of the stop (the operator endpoints: metrics, readiness). */
  probe?: SessionProbe;
}

/** Longest wait for the wall-clock families to go live, and for their open trades to end at the stop. */
const LIVE_WAIT_MS = 10_000;
const SETTLE_WAIT_MS = 10_000;

/**
 * A paper session from start to a clean stop. Every family `paper.strategies` selects runs as its own trading
 * system (own risk actor on capital × its allocation) writing to one journal (SQLite file or PostgreSQL schema): candle families replay the
 * recording, the arbitrage family trades two local exchanges on the wall clock, the flash-loan family a local chain.
 * The session lasts as long as the recording (or --duration); then everything stops, cancels what rests and reports.
 */
export async function runPaperSession(options: RunPaperOptions): Promise<SessionSummary> {
  const { config, logger } = options;
  // Loaded first when a listed strategy trades candles: a strategy's model must have been trained on bars this long.
  const candlesListed = config.paper.strategies.some((name) => declarationOf(name, 'paper').needs.some((n) => n === 'candles' || n === 'swaps'));
  const recording = candlesListed ? loadCandles(options.dataFile) : undefined;
  const context = { dbFile: options.dbFile, timeframeMs: recording?.timeframeMs, warn: (message: string) => logger.warn(message) };
  const planning = planPaperFamilies(config, declarationOf, context);
  const world = config.paper.world ? readWorldFile(config.paper.world) : undefined;
  const hostedByWorld = (p: FamilyPlan) => (p.host === 'local-exchanges' && world?.exchanges !== undefined) || (p.host === 'chain' && world?.chain !== undefined);
  const linkedUniverse = (p: FamilyPlan) => p.host === 'universe' && options.clusterUniverse === true;
  const { running: planned, off } = options.clusterRole === 'strategies' ? onClusterNode(planning, (p) => hostedByWorld(p) || linkedUniverse(p)) : planning;
  const plans = await prepareFamilies(planned, context);
  const { probe } = options;
  probe?.planned(plans.map((p) => ({ family: p.family, connects: p.host === 'local-exchanges' })));
  const candlePlans = plans.filter((p) => p.host === 'candles');
  for (const host of ['universe', 'local-exchanges', 'chain'] as const) {
    const on = plans.filter((p) => p.host === host);
    if (on.length > 1) throw new InputError(`paper.strategies: ${on.map((p) => p.family).join(' and ')} would both trade on the session's ${host}; one family per ${host}`);
  }
  const series = candlePlans.length > 0 ? recording : undefined;
  const symbol = config.paper.symbol;
  if (series && series.symbol !== symbol) throw new InputError(`${options.dataFile}: recorded market ${series.symbol} is not the configured paper.symbol ${symbol}`);
  if (series && series.gaps.length > 0) logger.warn({ gaps: series.gaps.length, first: series.gaps[0] }, 'recording has gaps; replayed as recorded, not filled');
  const first = series?.candles[0];
  if (series && !first) throw new InputError(`${options.dataFile}: no candles`);

  const journal = sessionJournal(options);
  const store = openJournal(journal);
  let node: ClusterNode | undefined;
  let link: StrategyLink | undefined;
  const clock = new SimulatedClock(first?.ts ?? new SystemClock().now());
  try {
    // The session's clock starts at the first bar (or now): the node's share is what the journal holds from then on.
    const since = clock.now();
    node = options.cluster ? await joinCluster(config, { journal: store.orders, since, now: () => clock.now(), logger }) : undefined;
    link = node && options.clusterRole === 'strategies' ? await linkToVenueNode(config, node.nodeId, logger, plans.filter((p) => p.host === 'candles' || linkedUniverse(p)).map((p) => p.family)) : undefined;
  } catch (err) {
    await link?.done();
    await node?.close();
    store.close();
    throw err;
  }
  const inspector = options.inspect ? await startLocalInspector() : undefined;
  if (inspector) options.onInspector?.(inspector.pageUrl);
  const inspect = inspector?.inspect;
  const families: RunningFamily[] = [];
  // Watched as its counters start (runningFamily), so the metrics count what the summary counts.
  const up = (f: RunningFamily) => {
    families.push(f);
    probe?.familyUp({ family: f.plan.family, system: f.trading.system, capital: f.plan.capital, equity: () => f.equity(), counts: () => f.counters.read() });
  };
  let arbitrage: ArbitrageSession | undefined;
  let arbitrageLive = false;
  try {
    for (const plan of candlePlans) {
      const lp = plan.strategies.some((st) => st.declaration.needs.includes('swaps')) ? await startLpHost({ settings: config.paper.amm, logger, store, sessionId: options.sessionId }) : undefined;
      let f: ReturnType<typeof startCandleFamily>;
      try {
        f = startCandleFamily({ config, logger, store, plan, clock, firstCandle: first!, sessionId: options.sessionId, inspect, budget: node?.gate(), venue: link?.venueFor(plan.family), lp });
      } catch (err) {
        await lp?.close();
        throw err;
      }
      up(
        runningFamily(plan, f, {
          venues: { [f.venue.id]: f.venue },
          equity: () => ledgerEquity(f.system, f.capital),
          details: () => ({ venue: f.venue.id, symbol, ...(lp ? { lp: lp.summary() } : {}) }),
          ...(lp ? { start: () => lp.start(), quiesce: (ms: number) => lp.quiesce(ms) } : {}),
          close: async () => {
            await f.system.shutdown();
            await lp?.close();
          },
        }),
      );
    }
    const universePlan = plans.find((p) => p.host === 'universe');
    if (universePlan) up(runningUniverseFamily(universePlan, { config, logger, store, sessionId: options.sessionId, inspect, venue: link?.venueFor(universePlan.family) }));
    const booksPlan = plans.find((p) => p.host === 'local-exchanges');
    if (booksPlan) {
      arbitrage = await startArbitrageSession({ config, logger, store, plan: booksPlan, sessionId: options.sessionId, inspect, world });
      up(arbitrageFamily(booksPlan, arbitrage, () => arbitrageLive));
    }
    const chainPlan = plans.find((p) => p.host === 'chain');
    if (chainPlan) up(await chainFamily(chainPlan, options, store, inspect, world?.chain));
  } catch (err) {
    await Promise.all(families.map((f) => f.close()));
    await inspector?.stop();
    await link?.done();
    await node?.close();
    store.close();
    throw err;
  }

  const venues = Object.assign({}, ...families.map((f) => f.venues));
  const reconciled = await reconcileWithVenues(store, venues, clock, logger);
  if (reconciled.unresolved.length > 0) {
    const reason = `reconciliation impossible for ${reconciled.unresolved.length} order(s), e.g. ${reconciled.unresolved[0]!.clientOrderId}: ${reconciled.unresolved[0]!.why}`;
    for (const f of families) f.trading.system.publish({ type: 'risk.halt', reason, to: 'risk' });
  }
  // Risk started with the positions the journal held; what reconciliation learned since moves them too (R4).
  for (const f of families) {
    const fills = reconciled.fills.filter((fill) => fill.venue in f.venues);
    if (fills.length > 0) f.trading.system.publish({ type: 'orders.updated', updates: [], fills, to: 'risk' });
  }
  probe?.reconciled();
  const stopped = () => options.signal?.aborted === true;
  options.onOpenOrders?.(() => families.reduce((n, f) => n + openOrderCount(f.trading), 0));

  if (arbitrage) {
    arbitrageLive = await arbitrage.whenLive(LIVE_WAIT_MS);
    if (!arbitrageLive) logger.warn('arbitrage: not every market went live in time; risk vetoes the ones that did not');
    for (const f of families) if (f.plan.host === 'local-exchanges') probe?.connections(f.plan.family, arbitrageLive);
    arbitrage.startMarkets();
    options.onArbitrage?.(arbitrage);
  }
  for (const f of families) f.start?.();
  const killer = config.chaos.killRate > 0
    ? startActorKiller({ rate: config.chaos.killRate, seed: config.chaos.seed, tag: options.sessionId, targets: () => families.map((f) => ({ family: f.plan.family, system: f.trading.system })) })
    : undefined;
  const allocation = allocate(config, families, store, options);
  logger.info({ families: families.map((f) => f.plan.family), off: off.map((o) => o.family), db: describeJournal(journal), speed: options.speed }, SESSION_STARTING);
  const candles = families.filter((f) => f.plan.host === 'candles');
  const started = performance.now();
  const universe = families.find((f) => f.plan.host === 'universe');
  const universeReplay = universe?.replay?.({ speed: options.speed, maxWallMs: options.durationMs, shouldStop: () => stopped() || universe.trading.haltedBy() !== undefined });
  const replay = link
    ? await link.feed({
        targets: candles.map((f) => ({ system: f.trading.system, venue: Object.values(f.venues)[0]! })),
        clock,
        universe: universe?.steps,
        maxWallMs: options.durationMs,
        maxLagMs: config.cluster.maxMarketLagMs,
        shouldStop: () => stopped() || [...candles, ...(universe?.steps ? [universe] : [])].every((f) => f.trading.haltedBy() !== undefined),
      })
    : series
    ? await replayCandles({
        targets: candles.map((f) => ({ system: f.trading.system, venue: paperVenueId(f.plan.family) })),
        clock,
        symbol,
        candles: series.candles,
        timeframeMs: series.timeframeMs,
        speed: options.speed,
        maxWallMs: options.durationMs,
        onBar: options.onProgress,
        // An escalation in one family halts that family only; the others trade on.
        shouldStop: () => stopped() || candles.every((f) => f.trading.haltedBy() !== undefined),
      })
    : { bars: 0, wallMs: 0 };
  await universeReplay;
  if (!series && !universe) await untilStopped({ durationMs: options.durationMs, signal: options.signal, halted: () => families.every((f) => f.trading.haltedBy() !== undefined) });
  // Before anything stops: no kill lands in a family that is quiescing or closing.
  killer?.stop();

  probe?.stopping();
  await allocation.stop();
  for (const f of families) if (f.quiesce && !(await f.quiesce(SETTLE_WAIT_MS))) logger.warn({ family: f.plan.family }, 'a trade was still open at the stop; its orders are cancelled');
  for (const f of families) f.trading.system.publish({ type: 'orders.cancelAll', reason: 'session end' });
  await Promise.all(families.map((f) => f.trading.system.whenQuiescent()));
  // An order the journal still holds open (a fill whose report was lost, a cancel that failed) gets the venue's last word now.
  const last = await reconcileWithVenues(store, venues, clock, logger);
  if (last.unresolved.length > 0) logger.warn({ unresolved: last.unresolved }, 'at the stop some orders could not be settled with their venues; the next start settles them');

  const allocator = await allocation.finish();
  const reports = families.map((f) => familyReport(f, config.allocation[f.plan.family]));
  const summary = sessionSummary(options, reports, off, {
    bars: replay.bars,
    wallSeconds: (series ? replay.wallMs : performance.now() - started) / 1000,
    reconciled: { settled: reconciled.settled.length, cancelled: reconciled.cancelled.length, lost: reconciled.lost.length, unresolved: reconciled.unresolved.length },
    riskState: worstRiskState(families.map((f) => riskStateOf(f.trading))),
    interrupted: stopped() ? String(options.signal?.reason) : null,
    allocator,
  });
  if (killer) summary.chaos = { actorKills: killer.kills() };
  for (const f of families) saveSnapshots(store, f);
  if (node) summary.cluster = { node: node.nodeId, keyPrefix: config.cluster.keyPrefix, budget: await node.snapshot(), acceptedPeaks: node.budget.acceptedPeaks() };
  logger.info({ session: summary.session, bars: summary.bars, orders: summary.orders, fills: summary.fills, riskState: summary.riskState, interrupted: summary.interrupted }, 'paper session finished');
  for (const f of families) await f.close();
  await inspector?.stop();
  await link?.done();
  await node?.close();
  store.close();
  return summary;
}

function arbitrageFamily(plan: FamilyPlan, arbitrage: ArbitrageSession, live: () => boolean): RunningFamily {
  const family = runningFamily(plan, arbitrage, {
    venues: arbitrage.venues,
    equity: () => arbitrage.capital + arbitrage.pnlUsdt(),
    details: () => ({
      venues: Object.keys(arbitrage.venues),
      live: live(),
      ...(arbitrage.windows ? { windows: arbitrage.windows.opened.length } : {}),
      outcomes: family.counters.arbOutcomes().byStrategy,
      realizedByCurrency: family.counters.arbOutcomes().pnl,
    }),
    quiesce: (ms) => arbitrage.quiesceMarkets(ms),
    close: () => arbitrage.close(),
  });
  return family;
}

async function chainFamily(plan: FamilyPlan, options: RunPaperOptions, store: Store, inspect: Parameters<typeof startCandleFamily>[0]['inspect'], world: WorldFile['chain']): Promise<RunningFamily> {
  // Loaded only when the session has a chain family: ethers and anvil stay out of the other sessions.
  const { startFlashFamily } = await import('./flash-family.js');
  const flash = await startFlashFamily({ config: options.config, logger: options.logger, store, sessionId: options.sessionId, capital: plan.capital, strategies: plan.strategies, chain: options.config.paper.chain, world, inspect });
  return runningFamily(plan, flash, {
    venues: flash.venues,
    equity: () => flash.equity(),
    details: () => ({ chain: flash.summary() }),
    start: () => flash.start(),
    quiesce: (ms) => flash.quiesce(ms),
    close: () => flash.close(),
  });
}
