import { patternActor } from '../actors/patterns/pattern-actor.js';
import ccxt from 'ccxt';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Secrets } from '../config/secrets.js';
import type { Store } from '../actors/ledger/storage/store.js';
import { describeJournal, openJournal, sessionJournal, type JournalLocation } from '../actors/ledger/storage/open-journal.js';
import { SystemClock } from '../actors/runtime/clock.js';
import { InputError, VenueUnavailableError } from '../actors/runtime/errors.js';
import type { ActorSystem } from '../actors/runtime/system.js';
import { CcxtVenue } from '../actors/venues/ccxt/ccxt-venue.js';
import { venueUnreachable } from '../actors/venues/ccxt/venue-unreachable.js';
import { CcxtCandleFeed, type OhlcvSource } from '../actors/market-data/candles/ccxt-candle-feed.js';
import { riskActor } from '../actors/risk/risk-actor.js';
import { ledgerActor } from '../actors/ledger/ledger-actor.js';
import { executionActor } from '../actors/execution/execution-actor.js';
import { bootTradingSystem, type TradingSystem } from './boot.js';
import { riskLimitsFrom, supervisionFrom } from './from-config.js';
import { reconcileWithVenues } from './reconcile.js';
import { sessionCounters } from './session-counters.js';
import { ledgerEquity } from './ledger-equity.js';
import { familyOf, openOrderCount, riskStateOf } from './session-summary.js';
import type { SessionSummary } from './paper-session-summary.js';
import { selected, type Selected } from './session-plan.js';
import { parseTimeframe } from '../actors/market-data/candles/timeframe.js';
import { FAMILIES, prepareStrategy, type StrategyContext } from '../actors/strategies/catalogue/strategy-declaration.js';
import { untilStopped } from './until-stopped.js';
import { liveCredentials } from './live-credentials.js';
import { cancelLeftovers } from './live-leftovers.js';
import { OrderWatch } from './live-order-watch.js';
import type { SessionProbe } from './operator/session-probe.js';

export interface RunLiveOptions {
  config: Config;
  /** Keys come only from here: config/secrets.ts read them from the environment. */
  secrets: Secrets;
  logger: Logger;
  /** The SQLite file trained models are read from; the journal too, unless `journal` says otherwise. */
  dbFile: string;
  /** Where the session journals (config `storage`); default the SQLite file `dbFile`. */
  journal?: JournalLocation;
  /** Unique per run on the same journal (the CLI uses the start time in base 36). */
  sessionId: string;
  /** Stop after this much wall time; without it, when `signal` aborts (the CLI aborts it on SIGINT/SIGTERM). */
  durationMs?: number;
  /** Aborted: stop (cancel what rests, report). Its reason names the signal. */
  signal?: AbortSignal;
  /** Called once the system is up, with a count of its orders still open (for the operator while stopping). */
  onOpenOrders?: (count: () => number) => void;
  /** Called once the system is booted, before the first poll (tests observe the bus through it). */
  onSystem?: (system: ActorSystem) => void;
  /** Told of each step of the start and of the stop (the operator endpoints: metrics, readiness). */
  probe?: SessionProbe;
}

export interface LiveSessionSummary extends Omit<SessionSummary, 'mode' | 'allocator'> {
  mode: 'live';
  exchange: string;
  /** Our orders the exchange still listed as open after the stop's cancelAll (each then cancelled directly). */
  openAtStop: number;
}

/**
 * A live session: the paper session's tree (risk, ledger, execution, market making) on the wall clock
 * over ONE ccxt venue (config.live.exchange, keys from `secrets`), fed by closed bars polled with
 * fetchOHLCV. The journal is reconciled with the venue before the first order; at the stop every
 * resting order is cancelled, the actors quiesce, and the venue is closed.
 */
export async function runLiveSession(options: RunLiveOptions): Promise<LiveSessionSummary> {
  const { config, logger } = options;
  const exchangeId = config.live.exchange;
  const credentials = liveCredentials(options.secrets, exchangeId);
  const strategy = await liveStrategy(config, { dbFile: options.dbFile, timeframeMs: parseTimeframe(config.live.timeframe), warn: (message) => logger.warn(message) });
  if (!ccxt.exchanges.includes(exchangeId)) throw new InputError(`live.exchange: "${exchangeId}" is not a ccxt exchange id`, [`live.exchange: unknown ccxt exchange id "${exchangeId}"`]);
  const clock = new SystemClock();
  const venue = new CcxtVenue({
    id: exchangeId,
    exchangeId,
    credentials,
    clock,
    apiUrls: config.live.urls as Record<string, unknown> | undefined,
    network: config.network,
    onRetry: ({ op, attempt, delayMs, error }) => logger.warn({ exchange: exchangeId, op, attempt, delayMs, error: error.shortMessage }, 'exchange request failed; retrying'),
  });
  const store = openJournal(sessionJournal(options));
  try {
    return await trade(options, venue, store, clock, strategy);
  } finally {
    await venue.close().catch((err: unknown) => logger.warn({ err }, 'closing the venue failed'));
    store.close();
  }
}

/**
 * `live.strategy` with its parameters and what its declaration prepares (a trained model from the journal), refused
 * before anything opens when its declaration says it cannot trade.
 */
async function liveStrategy(config: Config, context: StrategyContext): Promise<Selected> {
  const strategy = selected(config, config.live.strategy, 'live');
  const ready = await prepareStrategy(strategy.declaration, strategy.params, context);
  if ('unavailable' in ready) throw new InputError(`live.strategy: ${strategy.declaration.name} cannot trade: ${ready.unavailable}`, [`live.strategy: ${strategy.declaration.name}: ${ready.unavailable}`]);
  return { ...strategy, prepared: ready.prepared };
}

async function trade(options: RunLiveOptions, venue: CcxtVenue, store: Store, clock: SystemClock, strategy: Selected): Promise<LiveSessionSummary> {
  const { config, logger } = options;
  const { exchange: exchangeId, symbol, timeframe } = config.live;
  if (!venue.exchange.has['fetchOHLCV'] || !(timeframe in (venue.exchange.timeframes ?? {}))) {
    const offered = Object.keys(venue.exchange.timeframes ?? {}).join(', ') || 'none';
    throw new InputError(`live.timeframe: ${exchangeId} has no ${timeframe} candles (offers: ${offered})`, [`live.timeframe: "${timeframe}" not offered by ${exchangeId}`]);
  }
  const timeframeMs = venue.exchange.parseTimeframe(timeframe) * 1000;
  await connect(venue, exchangeId);
  if (!venue.exchange.markets?.[symbol]) throw new InputError(`live.symbol: ${exchangeId} lists no market ${symbol}`, [`live.symbol: "${symbol}" not listed on ${exchangeId}`]);

  const family = strategy.declaration.family;
  const { probe } = options;
  probe?.planned([{ family }]);
  const reconciled = await reconcileWithVenues(store, { [exchangeId]: venue }, clock, logger);
  const capital = config.capital * config.allocation[family];
  const limits = riskLimitsFrom(config);
  const trading: TradingSystem = bootTradingSystem({
    clock,
    logger,
    store,
    venues: { [exchangeId]: venue },
    risk: riskActor({ capital, limits, startTs: clock.now() }),
    ledger: ledgerActor({ capital, markEveryMs: 15 * 60_000 }),
    execution: executionActor({
      venues: { [exchangeId]: venue },
      store,
      input: { venues: { [exchangeId]: { taker: venue.fees.taker, onNotFound: 'reject' } }, maxLiquidityFraction: config.risk.maxLiquidityFraction },
    }),
    venueActors: [],
    signals: [patternActor({ symbol, venue: exchangeId })],
    strategies: [strategy.declaration.actor({ name: strategy.declaration.name, session: options.sessionId, capital, limits, venue: exchangeId, symbol, fees: { [exchangeId]: venue.fees.taker }, patterns: true }, strategy.params, strategy.prepared)],
    supervision: supervisionFrom(config),
    stashLimit: config.supervision.stashLimit,
  });
  const { system } = trading;
  const counters = sessionCounters(system);
  const equity = () => ledgerEquity(system, capital);
  probe?.familyUp({ family, system, capital, equity, counts: () => counters.read() });
  const ours = new Set<string>();
  system.observe((m) => {
    if (m.type === 'orders.updated') for (const order of m.updates) ours.add(order.clientOrderId);
  });
  options.onSystem?.(system);
  options.onOpenOrders?.(() => openOrderCount(trading));
  if (reconciled.unresolved.length > 0) {
    const first = reconciled.unresolved[0]!;
    system.publish({ type: 'risk.halt', reason: `reconciliation impossible for ${reconciled.unresolved.length} order(s), e.g. ${first.clientOrderId}: ${first.why}`, to: 'risk' });
  }
  probe?.reconciled();

  const watch = new OrderWatch(system, venue, logger);
  const feed = new CcxtCandleFeed({
    source: venue.exchange as unknown as OhlcvSource,
    venue: exchangeId,
    symbol,
    timeframe,
    timeframeMs,
    serverNow: () => clock.now() + venue.clockSkewMs,
    clock,
    pollMs: config.live.pollMs,
    staleAfterFailures: config.live.staleAfterFailures,
    publish: (m) => system.publish(m),
    beforePoll: async () => {
      await system.whenQuiescent();
      await watch.check();
      await system.whenQuiescent();
    },
    logger,
  });
  const started = performance.now();
  logger.info({ exchange: exchangeId, symbol, timeframe, db: describeJournal(sessionJournal(options)), durationMs: options.durationMs }, 'live session starting');
  feed.start();
  await untilStopped({ durationMs: options.durationMs, signal: options.signal, halted: () => trading.haltedBy() !== undefined });

  probe?.stopping();
  await feed.stop();
  await system.whenQuiescent();
  system.publish({ type: 'orders.cancelAll', reason: 'session end' });
  await system.whenQuiescent();
  const openAtStop = await cancelLeftovers(venue, symbol, ours, logger, (order) => system.publish({ type: 'venue.cancelled', clientOrderId: order.clientOrderId, order, to: 'execution' }));
  await system.whenQuiescent();

  const report = familyOf(trading, counters.read(), capital, equity());
  const summary: LiveSessionSummary = {
    mode: 'live',
    session: options.sessionId,
    interrupted: options.signal?.aborted ? String(options.signal.reason) : null,
    exchange: exchangeId,
    symbol,
    bars: feed.bars,
    orders: report.orders,
    fills: report.fills,
    vetoes: report.vetoes,
    vetoReasons: report.vetoReasons,
    restarts: report.restarts,
    deadLetters: report.deadLetters,
    equityStart: config.capital,
    equityEnd: config.capital + report.equityEnd - report.equityStart,
    actors: report.actors,
    haltedBy: report.haltedBy,
    riskState: riskStateOf(trading),
    reconciled: { settled: reconciled.settled.length, cancelled: reconciled.cancelled.length, lost: reconciled.lost.length, unresolved: reconciled.unresolved.length },
    strategies: Object.fromEntries(
      FAMILIES.map((f) => {
        const share = config.allocation[f];
        if (f !== family) return [f, { enabled: false, share, capital: config.capital * share, disabledReason: 'not the live strategy', detail: `live.strategy is ${strategy.declaration.name} (${family}); a live session trades one strategy` }];
        return [f, { enabled: true, family, share, host: 'candles', strategies: [strategy.declaration.name], ...report, pnl: report.equityEnd - report.equityStart, exchange: exchangeId, symbol }];
      }),
    ) as SessionSummary['strategies'],
    openAtStop,
    wallSeconds: (performance.now() - started) / 1000,
    db: describeJournal(sessionJournal(options)),
  };
  for (const name of system.actorNames()) store.snapshots.save(name, system.actor(name)?.persistedSnapshot());
  logger.info({ session: summary.session, bars: summary.bars, orders: summary.orders, fills: summary.fills, openAtStop, riskState: summary.riskState, interrupted: summary.interrupted }, 'live session finished');
  await system.shutdown();
  return summary;
}

/**
 * Measures the exchange clock and loads its markets, each read retried by the venue (config.network).
 * An exchange still unreachable after the retries is an environment problem: one line, exit 2.
 */
async function connect(venue: CcxtVenue, exchangeId: string): Promise<void> {
  for (const step of [() => venue.syncClock(), () => venue.loadMarkets()]) {
    const retriedBefore = venue.retried;
    try {
      await step();
    } catch (err) {
      if (err instanceof VenueUnavailableError) throw venueUnreachable(exchangeId, err, venue.retried - retriedBefore + 1);
      throw err;
    }
  }
}
