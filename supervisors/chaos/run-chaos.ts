import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import { envNameOf } from '../../config/introspect.js';
import { SystemClock } from '../../actors/runtime/clock.js';
import { seededRandom } from '../../actors/runtime/random.js';
import { InputError } from '../../actors/runtime/errors.js';
import { planPaperFamilies } from '../session-plan.js';
import { startNodeProcess, type NodeProcess } from '../cluster/node-process.js';
import { compareWithVenues, type VenueLog } from '../cluster/compare-with-venues.js';
import type { VenueOrder } from '../../actors/venues/venue.js';
import type { ChainWorld } from '../world/chain-world.js';
import { hostChaosWorld, BOT_NODE } from './chaos-world.js';
import { accountVenueId } from '../cluster/cluster-keys.js';
import type { FamilyPlan } from '../session-plan.js';
import { chainVerdict, type ChainVerdict } from '../world/chain-verdict.js';
import { openStore } from '../../actors/ledger/storage/store.js';
import { ChainFaults } from './chain-faults.js';
import { startFaultSchedule } from './fault-schedule.js';
import { ExchangeFaults } from './exchange-faults.js';
import { isChainFault, type FaultKind } from './fault-kinds.js';
import { exchangeLog, type VenueFill } from './exchange-logs.js';
import { readChaosJournal, readOrderHistory } from './read-journal.js';
import { limitBreaches, type LimitBreaches } from './limit-breaches.js';
import { SESSION_STARTING } from '../session-starting.js';

export interface ChaosOptions {
  config: Config;
  /** The user's --config file, handed to the bot. */
  configFile?: string;
  durationS: number;
  /** The most bars a second the venue node replays the recorded market at (the candle and universe families). */
  barsPerSecond: number;
  /** Actor kills per second inside the bot (0 = none). */
  killRate: number;
  /** Mean seconds from a run starting to trade to its SIGKILL (0 = never); each is uniform in [0.5, 1.5] × this. */
  sigkillEveryS: number;
  faults: FaultKind[];
  seed: number;
  /** The bot's SQLite journal; default a new file in a temporary directory. */
  dbFile?: string;
  logger: Logger;
  onSecond?: (elapsedS: number, durationS: number) => void;
  onBotLine?: (line: string) => void;
  signal?: AbortSignal;
}

export interface BotRun {
  pid: number;
  ms: number;
  exit: number | null;
  signal: string | null;
}

export interface ChaosReport {
  durationS: number;
  seed: number;
  /** Families trading under chaos: those whose venues this process hosts. */
  families: string[];
  notUnderChaos: { family: string; why: string }[];
  actorKills: number;
  processKills: number;
  /** Actor restarts journaled (kills, the actors a rest_for_one restart takes with them, and any real crash). */
  restarts: number;
  orders: number;
  fills: number;
  lost: number;
  duplicated: number;
  untrackedFills: number;
  limitBreaches: number;
  unreconciled: number;
  /** Times each fault was seen to act; a fault asked for that never acted shows 0. */
  byFault: Partial<Record<FaultKind, number>>;
  runs: BotRun[];
  journal: string;
  examples: string[];
  /** The first offending order, as the journal and the venue each have it. */
  firstOffence?: { clientOrderId: string; journal: ReturnType<typeof readOrderHistory>; venue?: VenueOrder };
}

/** The venues' hosts chaos can run outside the bot: a family on any other host is not under chaos. */
const HOSTED: readonly string[] = ['local-exchanges', 'chain', 'candles', 'universe'];

/** New faults stop this long before the end, so the last stop's cancels meet a quiet exchange. */
const QUIET_TAIL_MS = 5_000;
const FAULT_EVERY_MS = 1_500;
/** Longest wait for the last run's clean stop after the end. */
const STOP_GRACE_MS = 60_000;
/** With a venue node, a run's own --duration is a backstop: it stops at the market's end. */
const BACKSTOP_S = 120;

/** `verdict` counts that must all be zero. */
export function chaosFailed(r: ChaosReport): boolean {
  return r.lost + r.duplicated + r.untrackedFills + r.limitBreaches + r.unreconciled > 0 || r.runs.at(-1)?.exit !== 0;
}

/**
 * Runs the paper session as a child process against venues hosted outside it (chaos-world.ts), and meanwhile kills its
 * actors, SIGKILLs it and starts it again on the same journal, and makes the venues misbehave. At the end the journal
 * is compared with the venues' own order and fill records.
 */
export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const clock = new SystemClock();
  const rand = seededRandom(o.seed);
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-chaos-'));
  const dbFile = o.dbFile ?? join(dir, 'chaos.db');
  const plans = planPaperFamilies(o.config).running;
  const hosted = plans.filter((p) => HOSTED.includes(p.host));
  const notUnderChaos = plans.filter((p) => !HOSTED.includes(p.host)).map((p) => ({ family: p.family, why: `its venue (${p.host}) is not hosted outside the bot yet, so a SIGKILL would take the venue's records with it` }));
  if (hosted.length === 0) throw new InputError(`paper.strategies: none of ${o.config.paper.strategies.join(', ')} trades on a venue arbiter chaos hosts (the local exchanges, the chain, the candle families' paper venue)`);
  const strategies = hosted.flatMap((p) => p.strategies.map((s) => s.declaration.name));
  const world = await hostChaosWorld({ config: o.config, configFile: o.configFile, plans: hosted, strategies, durationS: o.durationS, barsPerSecond: o.barsPerSecond, dir, clock, logger: o.logger, onLine: o.onBotLine });
  const exchanges = world.exchanges?.hosted.exchanges ?? {};
  const faults = new ExchangeFaults(Object.values(exchanges));
  const chainFaults = world.chain ? new ChainFaults(world.chain) : undefined;
  const runs: BotRun[] = [];
  let current: NodeProcess | undefined;
  let schedule: { stop(): void } | undefined;
  let ticker: NodeJS.Timeout | undefined;
  const candles = world.venueNode !== undefined;
  try {
    const env: Record<string, string> = {
      ...world.botEnv,
      [envNameOf(['chaos', 'killRate'])]: String(o.killRate),
      // At ~10 kills a second the default supervision (3 restarts in 10 s) would escalate and halt every family at once:
      // under chaos an actor may restart 20 times a second, after at most 50 ms.
      [envNameOf(['supervision', 'maxRestarts'])]: '20',
      [envNameOf(['supervision', 'withinMs'])]: '1000',
      [envNameOf(['supervision', 'backoffMaxMs'])]: '50',
    };
    const started = clock.now();
    // With a venue node the market opens once the bot is ready, a little after this: the end comes a little later.
    const deadline = started + o.durationS * 1000;
    const quiet = () => clock.now() > deadline - QUIET_TAIL_MS || world.marketEnded();
    schedule = startFaultSchedule({
      kinds: o.faults.filter((k) => (isChainFault(k) ? chainFaults !== undefined : world.exchanges !== undefined)),
      everyMs: FAULT_EVERY_MS, random: rand, exchanges, exchangeFaults: faults, chainFaults, quiet,
    });
    ticker = setInterval(() => o.onSecond?.(Math.min(o.durationS, Math.floor((clock.now() - started) / 1000)), o.durationS), 1_000);
    const stopOnAbort = () => current?.child.kill('SIGINT');
    o.signal?.addEventListener('abort', stopOnAbort, { once: true });
    while (!o.signal?.aborted && (candles || clock.now() < deadline)) {
      const remainingMs = Math.max(1_000, deadline - clock.now());
      const t0 = clock.now();
      // Each run kills its own sequence of victims.
      env[envNameOf(['chaos', 'seed'])] = String(o.seed + runs.length);
      const duration = candles ? o.durationS + BACKSTOP_S : Math.ceil(remainingMs / 1000);
      let trading: () => void = () => {};
      const up = new Promise<'up'>((resolve) => (trading = () => resolve('up')));
      const bot = startNodeProcess('bot', 'bot', [...(o.configFile ? ['--config', o.configFile] : []), ...world.botArgs, '--db', dbFile, '--json', '--duration', String(duration)], env, (_, line) => {
        if (line.includes(SESSION_STARTING)) trading();
        o.onBotLine?.(line);
      });
      current = bot;
      // The SIGKILL comes at a random moment once the run trades: counted from its start, a machine slow to start the
      // bot would kill every run before it traded.
      const killInMs = o.sigkillEveryS > 0 ? o.sigkillEveryS * 1000 * (0.5 + rand()) : Number.POSITIVE_INFINITY;
      const state = killInMs < remainingMs - QUIET_TAIL_MS ? await Promise.race([up, bot.exited.then(() => 'exited' as const), sleep(remainingMs).then(() => 'late' as const)]) : 'late';
      let exit: Awaited<NodeProcess['exited']>;
      if (state === 'up' && killInMs < deadline - clock.now() - QUIET_TAIL_MS) {
        const early = await Promise.race([sleep(killInMs).then(() => undefined), bot.exited]);
        // After the market's end the run is stopping for good: it is left to finish.
        if (early === undefined && !world.marketEnded()) bot.child.kill('SIGKILL');
        exit = await bot.exited;
      } else {
        exit = (await Promise.race([bot.exited, sleep(duration * 1000 + STOP_GRACE_MS).then(() => undefined)])) ?? (bot.child.kill('SIGKILL'), await bot.exited);
      }
      runs.push({ pid: bot.pid, ms: clock.now() - t0, exit: exit.status, signal: exit.signal });
      if (exit.signal === 'SIGKILL') continue;
      if (exit.status !== 0) o.logger.error({ status: exit.status, tail: exit.stderrTail }, 'chaos: the bot ended on its own with an error');
      break;
    }
    o.signal?.removeEventListener('abort', stopOnAbort);
  } catch (err) {
    await world.close();
    throw err;
  } finally {
    schedule?.stop();
    clearInterval(ticker);
    faults.stop();
    if (current && current.child.exitCode === null && current.child.signalCode === null) current.child.kill('SIGKILL');
  }

  try {
    const journal = readChaosJournal(dbFile);
    const logs: VenueLog[] = [];
    const fills: VenueFill[] = [];
    for (const [id, ex] of Object.entries(exchanges)) {
      const { log, fills: f } = exchangeLog(id, ex, world.exchanges!.hosted.endpoints[id]!.apiKey);
      logs.push(log);
      fills.push(...f);
    }
    const exchangeVerdict = compareWithVenues(Object.keys(exchanges).map((id) => journal.byVenue(id)), logs);
    const nodeLogs = candles ? await world.venueLogs() : [];
    const candleVerdict = compareWithVenues([journal.all(BOT_NODE)], nodeLogs);
    for (const log of nodeLogs) for (const order of log.orders) for (const f of order.fills) fills.push({ venue: f.venue, symbol: f.symbol, side: f.side, amount: f.amount, price: f.price, ts: f.ts, clientOrderId: order.clientOrderId });
    const chained = world.chain ? await chainSide(world.chain, dbFile) : undefined;
    // The bot runs only the hosted families, so its capital is shared among them alone. Each family's limit is judged
    // on its own venues' fills; a flash loan's legs are one atomic bundle and hold no position.
    const botPlans = planPaperFamilies({ ...o.config, paper: { ...o.config.paper, strategies } }).running;
    const breaches = familyBreaches(fills, botPlans, o.config.risk.maxPositionFraction, Object.keys(exchanges), o.config.replay.universeQuoteValue);
    const byFault: Partial<Record<FaultKind, number>> = Object.fromEntries(o.faults.map((k) => [k, 0]));
    Object.assign(byFault, faults.counts(), chainFaults?.counts());
    const verdicts = [exchangeVerdict, candleVerdict, ...(chained ? [chained] : [])];
    const sum = (key: 'lost' | 'duplicated' | 'untrackedFills' | 'unreconciled') => verdicts.reduce((n, v) => n + v[key], 0);
    const examples = [...verdicts.flatMap((v) => v.examples), ...(breaches.first ? [`limitBreaches: ${breaches.first}`] : [])];
    const offenderId = verdicts.map((v) => v.firstOrder).find((id) => id !== undefined) ?? breaches.firstOrder;
    const venueOrders = [...logs, ...nodeLogs].flatMap((l) => l.orders);
    return {
      durationS: o.durationS,
      seed: o.seed,
      families: hosted.map((p) => p.family),
      notUnderChaos,
      actorKills: journal.actorKills,
      processKills: runs.filter((r) => r.signal === 'SIGKILL').length,
      restarts: journal.restarts,
      orders: venueOrders.length + (chained?.orders ?? 0),
      fills: fills.length + (chained?.fills ?? 0),
      lost: sum('lost'),
      duplicated: sum('duplicated'),
      untrackedFills: sum('untrackedFills'),
      limitBreaches: breaches.count,
      unreconciled: sum('unreconciled'),
      byFault,
      runs,
      journal: dbFile,
      examples,
      ...(offenderId ? { firstOffence: { clientOrderId: offenderId, journal: readOrderHistory(dbFile, offenderId), venue: venueOrders.find((v) => v.clientOrderId === offenderId) } } : {}),
    };
  } finally {
    await world.close();
  }
}

/**
 * Each family's fills (its own venues: the exchanges for arbitrage, its paper account for a candle family, its account
 * at the venue node for the universe's) against its own limit; the universe's capital is counted in its quote
 * currency, as its risk does.
 */
function familyBreaches(fills: readonly VenueFill[], plans: readonly FamilyPlan[], maxPositionFraction: number, exchangeIds: readonly string[], universeQuoteValue: number): LimitBreaches {
  const out: LimitBreaches = { count: 0 };
  for (const plan of plans) {
    // A venue node names each served node's account `<venue>@<node>`.
    const venues = plan.host === 'local-exchanges' ? exchangeIds : plan.host === 'candles' || plan.host === 'universe' ? [accountVenueId(plan.family, BOT_NODE)] : [];
    const capital = plan.host === 'universe' ? plan.capital / universeQuoteValue : plan.capital;
    const b = limitBreaches(fills.filter((f) => venues.includes(f.venue)), capital, maxPositionFraction);
    out.count += b.count;
    out.first ??= b.first;
    out.firstOrder ??= b.firstOrder;
  }
  return out;
}

/** Longest wait for the chain to pass the deadline of the last bundle any run sent, so none can still land. */
const CHAIN_SETTLE_MS = 20_000;

/** The chain's side of the verdict, once no bundle a run sent can land any more. */
async function chainSide(chain: ChainWorld, dbFile: string): Promise<ChainVerdict> {
  const until = performance.now() + CHAIN_SETTLE_MS;
  let records = await chain.records();
  const last = Math.max(0, ...records.bundles.map((b) => b.blockNumber));
  while (records.head <= last && performance.now() < until) {
    await sleep(200);
    records = await chain.records();
  }
  const store = openStore(dbFile);
  try {
    return chainVerdict(store.orders, records);
  } finally {
    store.close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
