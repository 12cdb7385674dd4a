import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Store } from '../actors/ledger/storage/store.js';
import type { InspectObserver } from '../actors/runtime/actor-spec.js';
import { SystemClock } from '../actors/runtime/clock.js';
import type { Message } from '../actors/runtime/messages.js';
import { riskActor } from '../actors/risk/risk-actor.js';
import { ledgerActor } from '../actors/ledger/ledger-actor.js';
import { executionActor } from '../actors/execution/execution-actor.js';
import { startLocalArbitrageVenues, type LocalArbitrageVenues } from '../actors/venues/local-exchange/local-arbitrage-venues.js';
import { attachLocalExchanges } from '../actors/venues/local-exchange/attached-exchanges.js';
import type { CcxtVenue } from '../actors/venues/ccxt/ccxt-venue.js';
import { InputError } from '../actors/runtime/errors.js';
import type { WorldFile } from './world/world-file.js';
import { PolledBalances } from './polled-balances.js';
import { carriedPositions } from './carried-positions.js';
import { bootTradingSystem, type TradingSystem } from './boot.js';
import { riskLimitsFrom, supervisionFrom } from './from-config.js';
import { ArbitrageWindows } from './arbitrage-windows.js';
import type { FamilyPlan } from './session-plan.js';

/** USDT per unit, for valuing balances: each asset's USDT market on local-a. */
const USDT_MARKET: Record<string, string> = { BTC: 'BTCUSDT', ETH: 'ETHUSDT', BNB: 'BNBUSDT' };

export interface ArbitrageSessionOptions {
  config: Config;
  logger: Logger;
  /** The family's strategies (catalogue entries that trade books) and capital. */
  plan: FamilyPlan;
  store?: Store;
  /** Unique per session on one journal: part of every group id, so client order ids never repeat across runs. */
  sessionId?: string;
  inspect?: InspectObserver;
  /** A world hosted by another process (arbiter chaos): with `exchanges`, the family attaches to them; their books move and their windows open there. */
  world?: WorldFile;
}

export interface ArbitrageSession extends TradingSystem {
  clock: SystemClock;
  venues: Record<string, CcxtVenue>;
  /** The exchanges, when this process hosts them (not when attached to a world). */
  local?: LocalArbitrageVenues;
  /** The windows this process opens; none when attached to a world (it opens its own). */
  windows?: ArbitrageWindows;
  /** config.capital × allocation.arbitrage: the risk actor's capital. */
  capital: number;
  /** Resolves true once every market's connection reported market.live, false after timeoutMs. */
  whenLive(timeoutMs: number): Promise<boolean>;
  /** Books start moving and windows start opening. */
  startMarkets(): void;
  /** No more book moves or windows; then waits (at most maxWaitMs) for every multi-leg trade to end. */
  quiesceMarkets(maxWaitMs: number): Promise<boolean>;
  /** Change in the venues' balances since the start, valued in USDT at local-a's current mids (attached: as last read, once a second). */
  pnlUsdt(): number;
  /** Stops the actors, then closes sockets, venues and servers. */
  close(): Promise<void>;
}

/**
 * The arbitrage family of the paper session: its own trading system on the wall clock (the local
 * venues move in real time, which a replayed clock cannot judge), with its own risk actor holding
 * capital × allocation.arbitrage, over two local Binance-speaking exchanges on 127.0.0.1 reached
 * through real ccxt. Journals to the same store as market making.
 */
export async function startArbitrageSession(options: ArbitrageSessionOptions): Promise<ArbitrageSession> {
  const { config, logger } = options;
  const arb = config.paper.localExchanges;
  const clock = new SystemClock();
  const capital = options.plan.capital;
  const hosted = options.world?.exchanges;
  const local = hosted ? undefined : await startLocalArbitrageVenues(clock, undefined, arb.seed, arb.shockChance, { network: config.network });
  Object.values(local?.exchanges ?? {}).forEach((ex) => {
    ex.state.takerFee = arb.fee;
    ex.state.makerFee = arb.fee;
  });
  const attached = hosted ? await attachLocalExchanges(hosted, clock, config.network) : undefined;
  const venues = (local?.venues ?? attached?.venues)!;
  if (!venues['local-a']) {
    await attached?.close();
    throw new InputError(`paper.world: ${config.paper.world} names no exchange local-a (it names ${Object.keys(venues).join(', ') || 'none'})`);
  }
  // A multi-leg trade's legs close each other's positions at a loss as often as not (fees, the other
  // leg's price): a loss streak of legs says nothing here. Leg risk judges each group, and a group it
  // cannot hedge halts risk; daily loss and drawdown still apply.
  const limits = { ...riskLimitsFrom(config), maxLossStreak: Number.MAX_SAFE_INTEGER };
  const markets = local ? local.markets('local-a') : attached!.markets['local-a']!;
  const books = new Map<string, { bid?: number; ask?: number }>(markets.map((m) => [m.symbol, { bid: m.bids[0]?.[0], ask: m.asks[0]?.[0] }]));
  const mids = (symbol: string) => {
    const d = local ? local.exchanges['local-a']!.state.engine(symbol).depth(1) : undefined;
    const top = d ? { bid: d.bids[0]?.[0], ask: d.asks[0]?.[0] } : books.get(symbol);
    return top?.bid !== undefined && top.ask !== undefined ? (top.bid + top.ask) / 2 : 0;
  };
  const price = (asset: string) => (asset === 'USDT' ? 1 : USDT_MARKET[asset] ? mids(USDT_MARKET[asset]) : Number.NaN);
  const fees = Object.fromEntries(Object.keys(venues).map((id) => [id, arb.fee]));
  const strategies = options.plan.strategies.map(({ declaration, params }) =>
    declaration.actor({ name: declaration.name, session: options.sessionId, capital, limits, venue: 'local-a', symbol: config.paper.symbol, fees, markets, price }, params),
  );
  const silenceMs = Math.max(limits.staleDataMs, 2 * arb.moveEveryMs);
  const connections = local ? local.connectionActors(silenceMs) : attached!.connectionActors(silenceMs);
  const trading = bootTradingSystem({
    clock,
    logger: logger.child({ family: 'arbitrage' }),
    store: options.store,
    venues,
    risk: riskActor({ capital, limits, startTs: clock.now(), positions: options.store ? carriedPositions(options.store.orders.fillsSince(Number.MIN_SAFE_INTEGER), venues, options.plan.strategies.map((s) => s.declaration.name)) : {} }),
    ledger: ledgerActor({ capital, markEveryMs: 60_000 }),
    journalBook: { book: `${options.plan.family}/ledger`, session: options.sessionId },
    execution: executionActor({
      venues,
      store: options.store,
      input: { venues: Object.fromEntries(Object.keys(venues).map((id) => [id, { taker: arb.fee, onNotFound: 'reject' as const }])), maxLiquidityFraction: 1 },
    }),
    venueActors: connections,
    strategies,
    supervision: supervisionFrom(config),
    stashLimit: config.supervision.stashLimit,
    inspect: options.inspect,
  });
  const live = new Set<string>();
  trading.system.observe((m: Message) => {
    if (m.type === 'market.live') live.add(`${m.venue}:${m.symbol}`);
    else if (m.type === 'market.stale') live.delete(`${m.venue}:${m.symbol}`);
    // Attached, the mids come from the books the family receives (hosted here, from the exchange's own state).
    else if (attached && m.type === 'book.updated' && m.book.venue === 'local-a') books.set(m.book.symbol.replace('/', ''), { bid: m.book.bids[0]?.[0], ask: m.book.asks[0]?.[0] });
  });
  const marketCount = connections.length;
  const balances = attached ? new PolledBalances(venues) : undefined;
  const balancesNow = (): Record<string, number> => {
    if (balances) return balances.latest;
    const total: Record<string, number> = {};
    for (const [id, ex] of Object.entries(local!.exchanges)) {
      for (const b of ex.state.balances(`${id}-key`)) total[b.asset] = (total[b.asset] ?? 0) + b.free + b.locked;
    }
    return total;
  };
  await balances?.start();
  const startBalances = balancesNow();
  const windows = local ? new ArbitrageWindows(local, arb.moveEveryMs, arb.windowSize, arb.seed) : undefined;
  const strategyNames = strategies.map((spec) => spec.name);
  const allIdle = () => strategyNames.every((n) => (trading.system.actor(n)?.snapshot() as { value?: unknown } | undefined)?.value === 'idle');

  return {
    ...trading,
    clock,
    venues,
    local,
    windows,
    capital,
    async whenLive(timeoutMs) {
      const until = clock.now() + timeoutMs;
      while (live.size < marketCount) {
        if (clock.now() > until) return false;
        await new Promise((r) => setTimeout(r, 20));
      }
      return true;
    },
    startMarkets() {
      local?.mover.start(arb.moveEveryMs);
      windows?.start(arb.windowEveryMs);
    },
    async quiesceMarkets(maxWaitMs) {
      windows?.stop();
      local?.mover.stop();
      // One last move back to the reference prices, so no window stays open on books that no longer move.
      local?.mover.step();
      const until = clock.now() + maxWaitMs;
      for (;;) {
        await trading.system.whenQuiescent();
        if (allIdle()) {
          // Attached, the world's books move and its windows open on: an idle strategy is stopped at once, in the
          // same tick, so no new trade can start while the session stops. (Hosted here, the books stop moving
          // instead: stopping the strategies would dead-letter the messages still addressed to them.)
          if (attached) for (const n of strategyNames) trading.system.actor(n)?.stop('session end: no new trade');
          return true;
        }
        if (clock.now() > until) return false;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    pnlUsdt() {
      const now = balancesNow();
      let pnl = 0;
      for (const asset of new Set([...Object.keys(now), ...Object.keys(startBalances)])) {
        const price = asset === 'USDT' ? 1 : USDT_MARKET[asset] ? mids(USDT_MARKET[asset]) : 0;
        pnl += ((now[asset] ?? 0) - (startBalances[asset] ?? 0)) * price;
      }
      return pnl;
    },
    async close() {
      windows?.stop();
      balances?.stop();
      await trading.system.shutdown();
      await local?.close();
      await attached?.close();
    },
  };
}
