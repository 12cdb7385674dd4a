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
import { accountVenueId, clusterKeys, type MarketEntry } from './cluster-keys.js';
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
  /** How long it waits for every account's node to be ready, and at the end for each to be done. */
  waitMs?: number;
}

export interface VenueNodeSummary {
  mode: 'venues';
  node: string;
  session: string;
  bars: number;
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
}

/**
 * The node that owns the venues and the market: one paper account per strategy node and candle family, served over
 * Redis Streams (actors/venues/remote), and the recording replayed on the wall clock, each bar matched against the
 * accounts' resting orders (their fills go to each node's fill stream) before it is published on the market stream.
 */
export async function runVenueNode(o: VenueNodeOptions): Promise<VenueNodeSummary> {
  const { config, logger, redis } = o;
  const series = loadCandles(o.dataFile);
  const symbol = config.paper.symbol;
  if (series.symbol !== symbol) throw new InputError(`${o.dataFile}: recorded market ${series.symbol} is not the configured paper.symbol ${symbol}`);
  const first = series.candles[0];
  if (!first) throw new InputError(`${o.dataFile}: no candles`);
  const plans = planPaperFamilies(config, declarationOf, { timeframeMs: series.timeframeMs }).running.filter((p) => p.host === 'candles');
  if (plans.length === 0) throw new InputError('paper.strategies: a cluster trades candle strategies, and none is listed with capital');

  const accounts: Account[] = o.accounts.map((node) => ({
    node,
    venues: plans.map((p) => new PaperVenue({ id: accountVenueId(p.family, node), session: o.sessionId, fees: PAPER_FEES, balances: paperBalances(symbol, p.capital, first) })),
    fills: new StreamPublisher(redis, { stream: clusterKeys.fills(node), maxLen: 100_000 }),
    unsent: [],
  }));
  const server = await serveVenues(redis, accounts.flatMap((a) => a.venues), { node: o.node, logger });
  const market = new StreamPublisher(redis, { stream: clusterKeys.market, maxLen: 10_000 });
  // The node that owns the market records it (storage.postgres): `arbiter backtest --from-db --venue <node>` replays it.
  const history = openMarketHistoryWriter(config.storage.postgres, { logger });
  const started = performance.now();
  const waitMs = o.waitMs ?? 60_000;
  const stopped = () => o.signal?.aborted === true;
  const undelivered = { bars: 0, fillsRetried: 0 };
  let bars = 0;
  try {
    await waitForKeys(redis, o.accounts.map(clusterKeys.ready), waitMs, stopped).catch((err: unknown) => {
      throw new InputError(`--serve ${o.accounts.join(',')}: not every node said it was ready within ${waitMs / 1000} s (${(err as Error).message}); each must run with --cluster --role strategies --node <id> on the same redis.url`);
    });
    logger.info({ accounts: o.accounts, families: plans.map((p) => p.family), bars: series.candles.length }, 'venue node: every account is ready; the market opens');
    const opened = performance.now();
    for (const candle of series.candles) {
      if (stopped()) break;
      const elapsed = performance.now() - opened;
      if (o.durationMs !== undefined && elapsed >= o.durationMs) break;
      const due = (bars / o.speed) * 1000;
      if (due > elapsed) await sleep(due - elapsed);
      for (const account of accounts) {
        for (const venue of account.venues) for (const fill of venue.onCandle(symbol, candle)) account.unsent.push({ venue: venue.id, fill });
        await sendFills(account, undelivered);
      }
      const entry: MarketEntry = { kind: 'bar', symbol, timeframeMs: series.timeframeMs, candle };
      await market.publish(entry).catch(() => (undelivered.bars += 1));
      history.addCandles([{ venue: o.node, symbol, timeframeMs: series.timeframeMs, candle }]);
      bars += 1;
    }
    const end: MarketEntry = { kind: 'end', bars };
    const warn = (what: string) => (err: unknown) => logger.warn({ err }, `venue node: ${what}`);
    await retry(() => market.publish(end), waitMs, stopped).catch(warn('the end of the market was not published; the nodes stop at their --duration'));
    for (const account of accounts) {
      const flushed = () => sendFills(account, undelivered).then(() => (account.unsent.length > 0 ? Promise.reject(new Error(`${account.unsent.length} fills unsent`)) : undefined));
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
