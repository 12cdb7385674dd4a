import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { PaperVenue } from '../../actors/venues/paper/paper-venue.js';
import type { VenueFill } from '../../machines/order.machine.js';
import { InputError } from '../../actors/runtime/errors.js';
import { StreamPublisher } from '../../actors/runtime/streams/stream-publisher.js';
import { serveVenues } from '../../actors/venues/remote/serve-venues.js';
import { declarationOf } from '../../actors/strategies/catalogue/catalogue.js';
import { planPaperFamilies } from '../session-plan.js';
import { paperBalances } from '../candle-family.js';
import { PAPER_FEES } from '../paper-family-system.js';
import { openMarketHistoryWriter } from '../../actors/market-data/history/open-market-history.js';
import { loadUniverseRecording, universeBalances, type UniverseRecording } from '../universe-recording.js';
import { accountVenueId, clusterKeys, type MarketEntry, type UniverseEntry } from './cluster-keys.js';
import type { VenueLog } from './compare-with-venues.js';

export interface VenueNodeOptions {
  config: Config;
  logger: Logger;
  redis: Redis;
  node: string;
  /** The strategy nodes it keeps accounts for. */
  accounts: readonly string[];
  dataFile: string;
  speed: number;
  durationMs?: number;
  sessionId: string;
  signal?: AbortSignal;
  /**
   * Also serve the universe family (replay.universe) when paper.strategies has one: an account per node, and its steps
   * on the universe stream, paced to last as long as the candle market (or --duration without candle families).
   */
  universe?: boolean;
  /** How long it waits for every account's node to be ready, and at the end for each to be done. */
  waitMs?: number;
}

export interface VenueNodeSummary {
  mode: 'venues';
  node: string;
  session: string;
  bars: number;
  /** Steps of the universe published (0 when it does not serve the universe family). */
  steps: number;
  accounts: string[];
  orders: number;
  fills: number;
  /** Bars and fills Redis did not take when sent (it was down); fills are sent again until it does. */
  undelivered: { bars: number; fillsRetried: number };
  interrupted: string | null;
  wallSeconds: number;
  venueLogs: VenueLog[];
  /** Bars written to market_candles (storage.postgres) under venue = this node's id. */
  recorded: number;
}

interface Account {
  node: string;
  venues: PaperVenue[];
  fills: StreamPublisher;
  /** Fills Redis refused while it was down, sent again before the next bar's. */
  unsent: { venue: string; fill: VenueFill }[];
  /** The universe family's account, when it serves it. */
  universe?: PaperVenue;
  /** One sender at a time: the market's and the universe's bars both send this account's fills. */
  sending: Promise<void>;
}

/**
 * The node that owns the venues and the market: one paper account per strategy node and candle family, served over
 * Redis Streams (actors/venues/remote), and the recording replayed on the wall clock, each bar matched against the
 * accounts' resting orders (their fills go to each node's fill stream) before it is published on the market stream.
 * With `universe`, the universe family too: an account per node, its steps matched the same way and published on
 * the universe stream, on the same wall-clock span as the candle market.
 */
export async function runVenueNode(o: VenueNodeOptions): Promise<VenueNodeSummary> {
  const { config, logger, redis } = o;
  const series = loadCandles(o.dataFile);
  const symbol = config.paper.symbol;
  if (series.symbol !== symbol) throw new InputError(`${o.dataFile}: recorded market ${series.symbol} is not the configured paper.symbol ${symbol}`);
  const first = series.candles[0];
  if (!first) throw new InputError(`${o.dataFile}: no candles`);
  const running = planPaperFamilies(config, declarationOf, { timeframeMs: series.timeframeMs }).running;
  const plans = running.filter((p) => p.host === 'candles');
  const universePlan = o.universe ? running.find((p) => p.host === 'universe') : undefined;
  if (plans.length === 0 && !universePlan) throw new InputError('paper.strategies: a cluster trades candle strategies, and none is listed with capital');
  const universe: UniverseRecording | undefined = universePlan ? loadUniverseRecording(config) : undefined;

  const accounts: Account[] = o.accounts.map((node) => {
    const venues = plans.map((p) => new PaperVenue({ id: accountVenueId(p.family, node), session: o.sessionId, fees: PAPER_FEES, balances: paperBalances(symbol, p.capital, first) }));
    const own = universePlan && universe
      ? new PaperVenue({ id: accountVenueId(universePlan.family, node), session: o.sessionId, fees: PAPER_FEES, balances: universeBalances(config, universe.quote, universePlan.capital) })
      : undefined;
    return { node, venues: own ? [...venues, own] : venues, universe: own, fills: new StreamPublisher(redis, { stream: clusterKeys.fills(node), maxLen: 100_000 }), unsent: [], sending: Promise.resolve() };
  });
  const send = (account: Account) => (account.sending = account.sending.then(() => sendFills(account, undelivered)));
  const server = await serveVenues(redis, accounts.flatMap((a) => a.venues), { node: o.node, logger });
  const market = new StreamPublisher(redis, { stream: clusterKeys.market, maxLen: 10_000 });
  const universeStream = new StreamPublisher(redis, { stream: clusterKeys.universe, maxLen: 10_000 });
  // The node that owns the market records it (storage.postgres): `arbiter backtest --from-db --venue <node>` replays it.
  const history = openMarketHistoryWriter(config.storage.postgres, { logger });
  const started = performance.now();
  const waitMs = o.waitMs ?? 60_000;
  const stopped = () => o.signal?.aborted === true;
  const undelivered = { bars: 0, fillsRetried: 0 };
  let bars = 0;
  let steps = 0;
  try {
    await waitForKeys(redis, o.accounts.map(clusterKeys.ready), waitMs, stopped).catch((err: unknown) => {
      throw new InputError(`--serve ${o.accounts.join(',')}: not every node said it was ready within ${waitMs / 1000} s (${(err as Error).message}); each must run with --cluster --role strategies --node <id> on the same redis.url`);
    });
    const families = [...plans, ...(universePlan ? [universePlan] : [])].map((p) => p.family);
    logger.info({ accounts: o.accounts, families, bars: plans.length > 0 ? series.candles.length : 0, steps: universe?.steps.length ?? 0 }, 'venue node: every account is ready; the market opens');
    const opened = performance.now();
    const over = () => stopped() || (o.durationMs !== undefined && performance.now() - opened >= o.durationMs);
    const candles = async () => {
      if (plans.length === 0) return;
      for (const candle of series.candles) {
        if (over()) break;
        const due = (bars / o.speed) * 1000;
        const elapsed = performance.now() - opened;
        if (due > elapsed) await sleep(due - elapsed);
        for (const account of accounts) {
          for (const venue of account.venues) if (venue !== account.universe) for (const fill of venue.onCandle(symbol, candle)) account.unsent.push({ venue: venue.id, fill });
          await send(account);
        }
        const entry: MarketEntry = { kind: 'bar', symbol, timeframeMs: series.timeframeMs, candle };
        await market.publish(entry).catch(() => (undelivered.bars += 1));
        history.addCandles([{ venue: o.node, symbol, timeframeMs: series.timeframeMs, candle }]);
        bars += 1;
      }
    };
    // The universe lasts as long as the candle market (its bars at --speed, cut at --duration), or --duration alone.
    const spanMs = Math.min(plans.length > 0 ? (series.candles.length / o.speed) * 1000 : Infinity, o.durationMs ?? Infinity);
    const universeSteps = async () => {
      if (!universe) return;
      const everyMs = Number.isFinite(spanMs) ? spanMs / universe.steps.length : 1000 / o.speed;
      for (const step of universe.steps) {
        if (over()) break;
        const due = steps * everyMs;
        const elapsed = performance.now() - opened;
        if (due > elapsed) await sleep(due - elapsed);
        // As the in-process replay: each bar is matched against resting orders before the step reaches the strategies.
        for (const account of accounts) {
          for (const { symbol: s, candle } of step.bars) for (const fill of account.universe!.onCandle(s, candle)) account.unsent.push({ venue: account.universe!.id, fill });
          await send(account);
        }
        const entry: UniverseEntry = { kind: 'step', ts: step.ts, timeframeMs: universe.timeframeMs, bars: step.bars };
        await universeStream.publish(entry).catch(() => (undelivered.bars += 1));
        steps += 1;
      }
    };
    await Promise.all([candles(), universeSteps()]);
    const warn = (what: string) => (err: unknown) => logger.warn({ err }, `venue node: ${what}`);
    if (universe) {
      const end: UniverseEntry = { kind: 'end', steps };
      await retry(() => universeStream.publish(end), waitMs, stopped).catch(warn('the end of the universe was not published; the nodes stop at their --duration'));
    }
    const end: MarketEntry = { kind: 'end', bars };
    await retry(() => market.publish(end), waitMs, stopped).then(() => logger.info({ bars, steps }, 'venue node: the market ended; waiting for each node to be done'), warn('the end of the market was not published; the nodes stop at their --duration'));
    for (const account of accounts) {
      const flushed = () => send(account).then(() => (account.unsent.length > 0 ? Promise.reject(new Error(`${account.unsent.length} fills unsent`)) : undefined));
      await retry(flushed, waitMs, stopped).catch(warn(`fills for ${account.node} not delivered; its order watch asks for them`));
    }
    // The nodes cancel what rests and stop; their cancels are answered until each says it is done.
    await waitForKeys(redis, o.accounts.map(clusterKeys.done), waitMs, stopped).catch((err: unknown) => logger.warn({ err }, 'venue node: not every node said it was done; closing its accounts anyway'));
  } finally {
    await server.stop();
    await history.close();
  }
  const venueLogs = accounts.map((a) => ({ node: a.node, orders: a.venues.flatMap((v) => v.records()) }));
  return {
    mode: 'venues',
    node: o.node,
    session: o.sessionId,
    bars,
    steps,
    accounts: [...o.accounts],
    orders: venueLogs.reduce((n, l) => n + l.orders.length, 0),
    fills: venueLogs.reduce((n, l) => n + l.orders.reduce((k, order) => k + order.fills.length, 0), 0),
    undelivered,
    interrupted: stopped() ? String(o.signal?.reason) : null,
    wallSeconds: (performance.now() - started) / 1000,
    venueLogs,
    recorded: history.stats.candlesWritten,
  };
}

async function sendFills(account: Account, undelivered: VenueNodeSummary['undelivered']): Promise<void> {
  while (account.unsent.length > 0) {
    const next = account.unsent[0]!;
    try {
      await account.fills.publish(next);
    } catch {
      undelivered.fillsRetried += 1;
      return;
    }
    account.unsent.shift();
  }
}

async function waitForKeys(redis: Redis, keys: readonly string[], waitMs: number, stopped: () => boolean): Promise<void> {
  await retry(async () => {
    const present = await redis.exists(...keys);
    if (present < keys.length) throw new Error(`${keys.length - present} of ${keys.join(', ')} not set`);
  }, waitMs, stopped);
}

/** Calls `fn` until it resolves, every 100 ms, for at most `waitMs`; then throws its last error. */
async function retry(fn: () => Promise<unknown>, waitMs: number, stopped: () => boolean): Promise<void> {
  const until = performance.now() + waitMs;
  for (;;) {
    try {
      await fn();
      return;
    } catch (err) {
      if (stopped() || performance.now() > until) throw new Error(`venue node: gave up after ${waitMs} ms: ${(err as Error).message}`);
      await sleep(100);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
