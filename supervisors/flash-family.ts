import type { Logger } from 'pino';
import { Wallet } from 'ethers';
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
import { connectFlash, flashExecutorFor, type ChainHandle, type FlashConnection } from '../actors/venues/chain/flash-scenario.js';
import { startChainScene } from '../actors/venues/chain/chain-scene.js';
import { flashBalancesAt, type FlashBalances } from '../actors/venues/chain/flash-balances.js';
import { localChainVenue } from '../actors/venues/chain/local-chain-venue.js';
import { hostedChainVenue } from '../actors/venues/chain/hosted-chain-venue.js';
import { localProvider } from '../actors/venues/chain/local-chain.js';
import { pacedLoop } from '../actors/runtime/paced-loop.js';
import type { ChainSettings } from '../config/sections/chain.js';
import type { ChainWorldEntry } from './world/chain-entry.js';
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
  /** A chain a world host runs (paper.world's `chain`): the family attaches to it instead of starting its own. */
  world?: ChainWorldEntry;
  inspect?: InspectObserver;
}

export interface FlashFamily extends TradingSystem {
  /** Quote currency. */
  capital: number;
  /** The chain's venue, for reconciliation on start (own chain: a bundle left unsettled by an ended process is lost with its anvil; a world's chain: settled from the chain). */
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
 * With `world` (paper.world names a chain) the chain, its relay and trader are another process's: the family
 * follows the head it builds (blocks built while one is evaluated are skipped the same way), and reconciles its
 * journal with that chain on start (hosted-chain-venue.ts), since the chain outlives the process.
 */
export async function startFlashFamily(options: FlashFamilyOptions): Promise<FlashFamily> {
  const { config, logger, sessionId } = options;
  const settings = options.chain;
  const log = logger.child({ family: 'flash_loans' });
  const entries = options.strategies.map((entry) => ({ ...entry, executor: executorParams(entry.declaration, entry.params) }));
  const limits = riskLimitsFrom(config);
  const clock = new SystemClock();
  const source = options.world ? await attachedChain(options.world, clock, options.store) : await ownChain(settings);
  try {
    const stack = source.connection;
    const { chain } = stack;
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
    const venue = source.venue;
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
    const head = await chain.provider.getBlockNumber();
    const tally = new FlashTally(trading.system, await flashBalancesAt(chain, head), wethPriceQuote);
    return familyOn(source, trading, { tally, names, clock, head, blockMs: options.world ? 0 : settings.blockMs, logger: log, capital: options.capital });
  } catch (err) {
    await source.stop();
    throw err;
  }
}

/** Where the family's blocks come from, and what it closes at the end. */
interface ChainSource {
  connection: FlashConnection;
  venue: Venue;
  /** The next head: a block built now (own chain; a public swap first when `swapping`), or the next one the world builds. */
  next(swapping: boolean): Promise<number>;
  traderSwaps(): number;
  stop(): Promise<void>;
}

/** A fresh local chain of this process: the family builds its blocks, and the chain ends with it. */
async function ownChain(settings: ChainSettings): Promise<ChainSource> {
  const scene = await startChainScene(settings);
  try {
    return {
      connection: await connectFlash(scene.chain, scene.relay.url),
      venue: localChainVenue(CHAIN_VENUE),
      next: async (swapping) => (await scene.buildBlock(swapping)).number,
      traderSwaps: () => scene.trader.swaps,
      stop: scene.stop,
    };
  } catch (err) {
    await scene.stop();
    throw err;
  }
}

/** The chain a world host runs (paper.world): it builds the blocks; the family follows the head by polling it. */
async function attachedChain(world: ChainWorldEntry, clock: SystemClock, store: Store | undefined): Promise<ChainSource> {
  const provider = localProvider(world.rpcUrl, world.chainId);
  try {
    const chain: ChainHandle = {
      provider,
      deployment: world.deployment,
      keys: { executor: new Wallet(world.executorKey), flashbotsAuth: new Wallet(Wallet.createRandom().privateKey), owner: { address: world.ownerAddress } },
    };
    const connection = await connectFlash(chain, world.relayUrl);
    let last = await provider.getBlockNumber();
    const pollMs = Math.max(10, Math.min(50, world.blockMs / 10));
    return {
      connection,
      // Without a journal there is nothing to reconcile: the in-process venue's answer (lost with the process) is then never asked for.
      venue: store ? hostedChainVenue(CHAIN_VENUE, { provider, journal: store.orders, clock }) : localChainVenue(CHAIN_VENUE),
      async next() {
        const waitMs = 10 * world.blockMs + 1_000;
        const until = clock.now() + waitMs;
        for (;;) {
          const head = await provider.getBlockNumber();
          if (head > last) return (last = head);
          if (clock.now() > until) throw new Error(`the world built no block in ${waitMs} ms (head ${head})`);
          await new Promise((r) => setTimeout(r, pollMs));
        }
      },
      traderSwaps: () => 0,
      stop: async () => provider.destroy(),
    };
  } catch (err) {
    provider.destroy();
    throw err;
  }
}

interface Parts {
  tally: FlashTally;
  names: string[];
  clock: SystemClock;
  /** The head when the family started: blocks after it are counted and measured. */
  head: number;
  /** Pace of the ticks (0: as fast as the source gives blocks). */
  blockMs: number;
  logger: Logger;
  capital: number;
}

function familyOn(source: ChainSource, trading: TradingSystem, parts: Parts): FlashFamily {
  const { tally, clock, logger } = parts;
  const { system } = trading;
  const chain = source.connection.chain;
  let swapping = true;
  let closing = false;
  let seen = parts.head;
  let balances: FlashBalances | undefined;

  const tick = async () => {
    const head = await source.next(swapping);
    // Closing: the block that came while waiting for it is not looked at (a bundle in flight stays as the journal has it).
    if (closing) return;
    balances ??= await flashBalancesAt(chain, seen);
    // A block that moved the owner's WETH or the executor's ETH included one of our bundles (nothing else touches them).
    for (let b = seen + 1; b <= head; b++) {
      const after = await flashBalancesAt(chain, b);
      if (after.ownerWeth !== balances.ownerWeth || after.executorEth !== balances.executorEth) tally.measure(b, balances, after);
      balances = after;
      tally.block();
    }
    seen = head;
    system.publish({ type: 'chain.block', number: head });
    await system.whenQuiescent();
  };
  const loop = pacedLoop(clock, parts.blockMs, tick, (err: unknown) => logger.warn({ err: (err as Error).message.split('\n')[0] }, 'building a block failed'));
  const idle = () => parts.names.every((n) => (system.actor(`strategy:${n}`)?.snapshot() as { value?: unknown } | undefined)?.value === 'watching');

  return {
    ...trading,
    capital: parts.capital,
    venues: { [source.venue.id]: source.venue },
    start: () => loop.start(),
    async quiesce(maxWaitMs) {
      await loop.stop();
      swapping = false;
      const until = clock.now() + maxWaitMs;
      await system.whenQuiescent();
      // In `watching` a strategy holds no cycle: the next block could only start a new one.
      while (!idle()) {
        if (clock.now() > until) return false;
        await loop.once();
      }
      return true;
    },
    equity: () => parts.capital + tally.pnlQuote(),
    summary: () => tally.summary(source.traderSwaps()),
    async close() {
      closing = true;
      await loop.stop();
      await system.whenQuiescent();
      await system.shutdown();
      await source.stop();
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
