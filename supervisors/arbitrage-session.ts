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
}

export interface ArbitrageSession extends TradingSystem {
  clock: SystemClock;
  local: LocalArbitrageVenues;
  windows: ArbitrageWindows;
  /** config.capital × allocation.arbitrage: the risk actor's capital. */
  capital: number;
  /** Resolves true once every market's connection reported market.live, false after timeoutMs. */
  whenLive(timeoutMs: number): Promise<boolean>;
  /** Books start moving and windows start opening. */
  startMarkets(): void;
  /** No more book moves or windows; then waits (at most maxWaitMs) for every multi-leg trade to end. */
  quiesceMarkets(maxWaitMs: number): Promise<boolean>;
  /** Change in the venues' balances since the start, valued in USDT at local-a's current mids. */
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
  const local = await startLocalArbitrageVenues(clock, undefined, arb.seed, arb.shockChance, { network: config.network });
  Object.values(local.exchanges).forEach((ex) => {
    ex.state.takerFee = arb.fee;
    ex.state.makerFee = arb.fee;
  });
  // A multi-leg trade's legs close each other's positions at a loss as often as not (fees, the other
  // leg's price): a loss streak of legs says nothing here. Leg risk judges each group, and a group it
  // cannot hedge halts risk; daily loss and drawdown still apply.
  const limits = { ...riskLimitsFrom(config), maxLossStreak: Number.MAX_SAFE_INTEGER };
  const mids = (symbol: string) => {
    const d = local.exchanges['local-a']!.state.engine(symbol).depth(1);
    return d.bids[0] && d.asks[0] ? (d.bids[0][0] + d.asks[0][0]) / 2 : 0;
  };
  const price = (asset: string) => (asset === 'USDT' ? 1 : USDT_MARKET[asset] ? mids(USDT_MARKET[asset]) : Number.NaN);
  const fees = Object.fromEntries(Object.keys(local.venues).map((id) => [id, arb.fee]));
  const markets = local.markets('local-a');
  const strategies = options.plan.strategies.map(({ declaration, params }) =>
    declaration.actor({ name: declaration.name, session: options.sessionId, capital, limits, venue: 'local-a', symbol: config.paper.symbol, fees, markets, price }, params),
  );
  const connections = local.connectionActors(Math.max(limits.staleDataMs, 2 * arb.moveEveryMs));
  const trading = bootTradingSystem({
    clock,
    logger: logger.child({ family: 'arbitrage' }),
    store: options.store,
    venues: local.venues,
    risk: riskActor({ capital, limits, startTs: clock.now() }),
    ledger: ledgerActor({ capital, markEveryMs: 60_000 }),
    journalBook: { book: `${options.plan.family}/ledger`, session: options.sessionId },
    execution: executionActor({
      venues: local.venues,
      store: options.store,
      input: { venues: Object.fromEntries(Object.keys(local.venues).map((id) => [id, { taker: arb.fee, onNotFound: 'reject' as const }])), maxLiquidityFraction: 1 },
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
  });
  const marketCount = connections.length;
  const balances = () => {
    const total: Record<string, number> = {};
    for (const [id, ex] of Object.entries(local.exchanges)) {
      for (const b of ex.state.balances(`${id}-key`)) total[b.asset] = (total[b.asset] ?? 0) + b.free + b.locked;
    }
    return total;
  };
  const startBalances = balances();
  const windows = new ArbitrageWindows(local, arb.moveEveryMs, arb.windowSize, arb.seed);
  const strategyNames = strategies.map((spec) => spec.name);
  const allIdle = () => strategyNames.every((n) => (trading.system.actor(n)?.snapshot() as { value?: unknown } | undefined)?.value === 'idle');

  return {
    ...trading,
    clock,
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
      local.mover.start(arb.moveEveryMs);
      windows.start(arb.windowEveryMs);
    },
    async quiesceMarkets(maxWaitMs) {
      windows.stop();
      local.mover.stop();
      // One last move back to the reference prices, so no window stays open on books that no longer move.
      local.mover.step();
      const until = clock.now() + maxWaitMs;
      for (;;) {
        await trading.system.whenQuiescent();
        if (allIdle()) return true;
        if (clock.now() > until) return false;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    pnlUsdt() {
      const now = balances();
      let pnl = 0;
      for (const asset of new Set([...Object.keys(now), ...Object.keys(startBalances)])) {
        const price = asset === 'USDT' ? 1 : USDT_MARKET[asset] ? mids(USDT_MARKET[asset]) : 0;
        pnl += ((now[asset] ?? 0) - (startBalances[asset] ?? 0)) * price;
      }
      return pnl;
    },
    async close() {
      windows.stop();
      await trading.system.shutdown();
      await local.close();
    },
  };
}
