import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Config } from '../config/index.js';
import type { chain as chainSection } from '../config/sections/chain.js';
import type { Store } from '../actors/ledger/storage/store.js';
import type { ActorSpec, InspectObserver } from '../actors/runtime/actor-spec.js';
import { SystemClock } from '../actors/runtime/clock.js';
import { InputError } from '../actors/runtime/errors.js';
import { riskActor } from '../actors/risk/risk-actor.js';
import type { RiskLimits } from '../actors/risk/limits.js';
import { ledgerActor } from '../actors/ledger/ledger-actor.js';
import { executionActor } from '../actors/execution/execution-actor.js';
import type { StrategyDeclaration } from '../actors/strategies/catalogue/strategy-declaration.js';
import { configKey } from '../actors/strategies/catalogue/strategy-declaration.js';
import { flashLoanParams } from '../actors/strategies/flash-loan/params.js';
import type { Venue } from '../actors/venues/venue.js';
import { chainEffects } from '../actors/venues/chain/chain-effects.js';
import { flashExecutorFor, startFlashStack, type FlashStack } from '../actors/venues/chain/flash-scenario.js';
import { SEED_POOLS } from '../actors/venues/chain/deploy-local.js';
import { sessionPools } from '../actors/venues/chain/session-pools.js';
import { flashBalancesAt } from '../actors/venues/chain/flash-balances.js';
import { localChainVenue } from '../actors/venues/chain/local-chain-venue.js';
import { SimulatedTrader } from '../actors/venues/chain/simulated-trader.js';
import { wethPriceIn } from '../actors/venues/chain/weth-price.js';
import { bootTradingSystem, type TradingSystem } from './boot.js';
import { riskLimitsFrom, supervisionFrom } from './from-config.js';
import { FlashTally, type FlashSummary } from './flash-tally.js';

export type { FlashSummary } from './flash-tally.js';

export const CHAIN_VENUE = 'chain:local';

export interface FlashFamilyOptions {
  config: Config;
  logger: Logger;
  store?: Store;
  sessionId: string;
  /** Quote currency (USDT): config.capital × allocation.flash_loans. */
  capital: number;
  /** The validated flash_loans entries. */
  strategies: { declaration: StrategyDeclaration; params: Record<string, unknown> }[];
  /** The chain settings (config.paper.chain once the schema mounts the section). */
  chain: z.output<typeof chainSection>;
  inspect?: InspectObserver;
}

export interface FlashFamily extends TradingSystem {
  /** Quote currency. */
  capital: number;
  /** The chain's venue, for reconciliation on start (a bundle left unsettled by an ended process is lost with its anvil). */
  venues: Record<string, Venue>;
  /** Begins building blocks on the wall clock every `blockMs`. */
  start(): void;
  /** Stops the trader and the clock, then builds blocks until no bundle is in flight; false after maxWaitMs. */
  quiesce(maxWaitMs: number): Promise<boolean>;
  /** capital + realized P&L in quote currency. */
  equity(): number;
  summary(): FlashSummary;
  /** Stops actors, relay and anvil. */
  close(): Promise<void>;
}

/**
 * The flash_loans family of the paper session: its own trading system on the wall clock over a fresh local
 * anvil (real Uniswap V2 twice, seeded from recorded reserves), with its own risk actor. Intents are quoted
 * in WETH, so risk's capital and notional limits are converted from quote at the WETH price in DAI of the
 * seeded pools (DAI counted as the quote currency). Each `blockMs` the simulated trader may put a swap in
 * the public mempool, the relay builds a block (a pending bundle at its top, then the mempool), and
 * `chain.block` goes to the strategies. The next block waits until the system is quiet again: a block due
 * while one is still being evaluated is skipped, not queued.
 */
export async function startFlashFamily(options: FlashFamilyOptions): Promise<FlashFamily> {
  const { config, logger, sessionId } = options;
  const settings = options.chain;
  const log = logger.child({ family: 'flash_loans' });
  const entries = options.strategies.map((entry) => ({ ...entry, executor: executorParams(entry.declaration, entry.params) }));
  const limits = riskLimitsFrom(config);
  const stack = await startFlashStack({ minProfitFraction: limits.minExpectedProfit, seeds: sessionPools(SEED_POOLS) });
  try {
    const { chain, relay } = stack;
    const trader = new SimulatedTrader(chain.provider, relay, chain.keys.trader, chain.deployment, settings);
    await trader.fund(chain.keys.liquidity);
    const dai = chain.deployment.tokens.DAI;
    if (!dai) throw new Error('the local chain has no DAI pools to price WETH in quote currency');
    const wethPriceQuote = wethPriceIn(await stack.follower.read(), chain.deployment.weth, dai, stack.tokens);
    const capitalWeth = options.capital / wethPriceQuote;
    const wethLimits = {
      ...limits,
      maxNotionalPerOrder: limits.maxNotionalPerOrder / wethPriceQuote,
      maxNotionalBySymbol: Object.fromEntries(Object.entries(limits.maxNotionalBySymbol).map(([s, n]) => [s, n / wethPriceQuote])),
    };
    const maxAmountInWei = maxCycleInput(wethLimits, capitalWeth);
    const clock = new SystemClock();
    const venue = localChainVenue(CHAIN_VENUE);
    // Each strategy its own executor (its own floors and deadline); they share the executor key, so of two
    // bundles for one block only the first lands and the other is dropped at its re-simulation.
    const strategies: ActorSpec[] = entries.map(({ declaration, params, executor }) => {
      const effects = chainEffects(flashExecutorFor(stack, { ...executor, minProfitFraction: limits.minExpectedProfit, maxAmountInWei }), {
        strategy: declaration.name, venue: CHAIN_VENUE, tokens: stack.tokens, store: options.store, session: sessionId,
      });
      // The chain's risk actor counts in WETH: so do the capital and limits the strategy is told about.
      return declaration.actor({ name: declaration.name, session: sessionId, capital: capitalWeth, limits: wethLimits, venue: CHAIN_VENUE, symbol: '', fees: {}, effects }, params);
    });
    const trading = bootTradingSystem({
      clock,
      logger: log,
      store: options.store,
      venues: { [CHAIN_VENUE]: venue },
      risk: riskActor({ capital: capitalWeth, limits: wethLimits, startTs: clock.now() }),
      ledger: ledgerActor({ capital: capitalWeth, markEveryMs: 60_000 }),
      journalBook: { book: 'flash_loans/ledger', session: sessionId },
      // Approvals for `chain:` venues are the chain actor's to send: execution routes nothing here.
      execution: executionActor({ venues: { [CHAIN_VENUE]: venue }, store: options.store, input: { venues: {}, maxLiquidityFraction: config.risk.maxLiquidityFraction } }),
      venueActors: [],
      strategies,
      supervision: supervisionFrom(config),
      stashLimit: config.supervision.stashLimit,
      inspect: options.inspect,
    });
    const names = entries.map((e) => e.declaration.name);
    const tally = new FlashTally(trading.system, await flashBalancesAt(chain, await chain.provider.getBlockNumber()), wethPriceQuote);
    return familyOn(stack, trading, { trader, tally, names, clock, blockMs: settings.blockMs, logger: log, capital: options.capital, venue });
  } catch (err) {
    await stack.stop();
    throw err;
  }
}

interface Parts {
  trader: SimulatedTrader;
  tally: FlashTally;
  names: string[];
  clock: SystemClock;
  blockMs: number;
  logger: Logger;
  capital: number;
  venue: Venue;
}

function familyOn(stack: FlashStack, trading: TradingSystem, parts: Parts): FlashFamily {
  const { trader, tally, clock, logger } = parts;
  const { system } = trading;
  let ticking = false;
  let swapping = true;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const tick = async () => {
    if (swapping) await trader.step();
    const built = await stack.relay.buildBlock();
    if (built.includedBundles.length > 0) {
      const [before, after] = await Promise.all([flashBalancesAt(stack.chain, built.number - 1), flashBalancesAt(stack.chain, built.number)]);
      tally.measure(built.number, before, after);
    }
    await trader.afterBlock();
    tally.block();
    system.publish({ type: 'chain.block', number: built.number });
    await system.whenQuiescent();
  };
  const guarded = () => {
    running = tick()
      .catch((err: unknown) => logger.warn({ err: (err as Error).message.split('\n')[0] }, 'building a block failed'))
      .finally(() => (running = undefined));
    return running;
  };
  const loop = async () => {
    const began = clock.now();
    await guarded();
    if (ticking) timer = setTimeout(() => void loop(), Math.max(0, parts.blockMs - (clock.now() - began)));
  };
  const stopClock = async () => {
    ticking = false;
    clearTimeout(timer);
    await running;
  };
  const idle = () => parts.names.every((n) => (system.actor(`strategy:${n}`)?.snapshot() as { value?: unknown } | undefined)?.value === 'watching');

  return {
    ...trading,
    capital: parts.capital,
    venues: { [parts.venue.id]: parts.venue },
    start() {
      if (ticking) return;
      ticking = true;
      void loop();
    },
    async quiesce(maxWaitMs) {
      await stopClock();
      swapping = false;
      const until = clock.now() + maxWaitMs;
      await system.whenQuiescent();
      // In `watching` a strategy holds no cycle: the next block could only start a new one.
      while (!idle()) {
        if (clock.now() > until) return false;
        await guarded();
      }
      return true;
    },
    equity: () => parts.capital + tally.pnlQuote(),
    summary: () => tally.summary(trader.swaps),
    async close() {
      await stopClock();
      await system.whenQuiescent();
      await system.shutdown();
      await stack.stop();
    },
  };
}

/**
 * Wei of WETH one cycle may put in: risk denies (it does not shrink) an intent over its notional, position or
 * leverage limit, so cycles are sized under the smallest of them (a landed cycle is flat again), less 1% for the
 * float rounding of the intent's amount × price.
 */
function maxCycleInput(limits: RiskLimits, capital: number): bigint {
  const weth = 0.99 * Math.min(limits.maxNotionalPerOrder, ...Object.values(limits.maxNotionalBySymbol), limits.maxPositionFraction * capital, limits.maxLeverage * capital);
  return BigInt(Math.floor(weth * 1e9)) * 10n ** 9n;
}

/** A flash_loans entry's parameters, as the chain's executor takes them. */
function executorParams(declaration: StrategyDeclaration, params: Record<string, unknown>) {
  const parsed = flashLoanParams.safeParse(params);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `strategies.${configKey(declaration.name)}.${i.path.join('.')}: ${i.message}`);
    throw new InputError(`flash_loans strategy ${declaration.name}: ${issues.join('; ')}`, issues);
  }
  const p = parsed.data;
  return { minProfitWei: BigInt(p.minProfitWei), builderPaymentWei: BigInt(p.builderPaymentWei), deadlineBlocks: p.deadlineBlocks };
}
