import { FlashbotsBundleProvider } from '@flashbots/ethers-provider-bundle';
import type { JsonRpcProvider } from 'ethers';
import type { Logger } from 'pino';
import { UniswapV2ERC20Token__factory } from '../../../contracts/generated/types/index.js';
import { ActorSystem } from '../../runtime/system.js';
import { SimulatedClock } from '../../runtime/clock.js';
import type { Message } from '../../runtime/messages.js';
import { riskActor } from '../../risk/risk-actor.js';
import type { RiskLimits } from '../../risk/limits.js';
import type { TokenInfo } from '../../strategies/flash-loan/intent-terms.js';
import { chainVenueSpec } from './chain-venue-actor.js';
import { startLocalChain, type LocalChain } from './local-chain.js';
import type { LocalDeployment, SeedPool } from './deploy-local.js';
import type { ChainKeys } from './keys.js';
import { LocalRelay } from './local-relay.js';
import { ReserveFollower } from './reserve-follower.js';
import { flashBalancesAt, realizedBetween } from './flash-balances.js';
import { FlashExecutor } from './flash-executor.js';

/**
 * What the flash-loan side needs of a chain, whoever runs it: this process (LocalChain) or a world host (an
 * attached chain: the bot holds the executor's key, and knows the owner only by address).
 */
export interface ChainHandle {
  provider: JsonRpcProvider;
  deployment: LocalDeployment;
  keys: Pick<ChainKeys, 'executor' | 'flashbotsAuth'> & { owner: { address: string } };
}

/** The flash-loan side of a chain: a Flashbots client of its relay, the pools' reserves, the tokens. */
export interface FlashConnection {
  chain: ChainHandle;
  flashbots: FlashbotsBundleProvider;
  follower: ReserveFollower;
  /** Symbols and decimals of the deployed tokens (WETH included), by lower-case address. */
  tokens: TokenInfo;
}

/** The local stack of the flash-loan demo: anvil + deployed DEXes + relay/builder + executor. */
export interface FlashStack extends FlashConnection {
  chain: LocalChain;
  relay: LocalRelay;
  executor: FlashExecutor;
  stop(): Promise<void>;
}

export interface FlashStackOptions {
  /** The pools to deploy (default: the recorded SEED_POOLS, with their ~5% gap). */
  seeds?: SeedPool[];
  /** The venue's dust floor (cycles netting less are not proposed). */
  minProfitWei?: bigint;
  /** On-chain floor as a fraction of the amount in: pass risk's minExpectedProfit. */
  minProfitFraction?: number;
  builderPaymentWei?: bigint;
  deadlineBlocks?: number;
  /** Largest amount a cycle may put in, wei of WETH (see FlashExecutorConfig.maxAmountInWei). */
  maxAmountInWei?: bigint;
}

/** A fresh anvil with the scenario deployed, and the relay in front of it (which from then on builds its blocks). */
export interface RelayedChain {
  chain: LocalChain;
  relay: LocalRelay;
  stop(): Promise<void>;
}

export async function startRelayedChain(seeds?: SeedPool[]): Promise<RelayedChain> {
  const chain = await startLocalChain(seeds);
  const relay = new LocalRelay(chain.provider);
  const stop = async () => {
    await relay.stop();
    await chain.stop();
  };
  try {
    await relay.start();
    return { chain, relay, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Connects the flash-loan side to a chain and its relay at `relayUrl`. */
export async function connectFlash(chain: ChainHandle, relayUrl: string): Promise<FlashConnection> {
  // The Flashbots client is CommonJS and loads ethers' CJS build; ours is the ESM build of the same ethers.
  // Only the types differ (private fields), so cast at this one seam.
  type Args = Parameters<typeof FlashbotsBundleProvider.create>;
  const flashbots = await FlashbotsBundleProvider.create(chain.provider as unknown as Args[0], chain.keys.flashbotsAuth as unknown as Args[1], relayUrl, 31337);
  const d = chain.deployment;
  const follower = new ReserveFollower(chain.provider, d.pools.map((p) => ({ dex: p.dex, pair: p.pair })));
  await follower.init();
  const tokens: TokenInfo = { [d.weth.toLowerCase()]: { symbol: 'WETH', decimals: 18 } };
  for (const [symbol, address] of Object.entries(d.tokens)) {
    tokens[address.toLowerCase()] = { symbol, decimals: Number(await UniswapV2ERC20Token__factory.connect(address, chain.provider).decimals()) };
  }
  return { chain, flashbots, follower, tokens };
}

export async function startFlashStack(opts: FlashStackOptions = {}): Promise<FlashStack> {
  const relayed = await startRelayedChain(opts.seeds);
  try {
    const connection = await connectFlash(relayed.chain, relayed.relay.url);
    return { ...connection, chain: relayed.chain, relay: relayed.relay, executor: flashExecutorFor(connection, opts), stop: relayed.stop };
  } catch (err) {
    await relayed.stop();
    throw err;
  }
}

/** A FlashExecutor on the stack's chain, relay and reserve follower (one per strategy: each its own floors). */
export function flashExecutorFor(stack: Pick<FlashConnection, 'chain' | 'follower' | 'flashbots'>, opts: FlashStackOptions = {}): FlashExecutor {
  const d = stack.chain.deployment;
  return new FlashExecutor(stack.chain.provider, stack.follower, stack.flashbots, stack.chain.keys.executor, {
    arbitrage: d.arbitrage,
    weth: d.weth.toLowerCase(),
    factories: d.factories,
    chainId: 31337n,
    minProfitWei: opts.minProfitWei ?? 10n ** 15n,
    minProfitFraction: opts.minProfitFraction ?? 0,
    priorityFeeFloorWei: 1_000_000_000n,
    deadlineBlocks: opts.deadlineBlocks ?? 2,
    builderPaymentWei: opts.builderPaymentWei ?? 0n,
    ...(opts.maxAmountInWei !== undefined ? { maxAmountInWei: opts.maxAmountInWei } : {}),
  });
}

export interface FlashDemoResult {
  predictedProfitWei: string;
  realizedProfitWei: string;
  bundleBlock: number;
  gasUsed: string;
  simulated: boolean;
  txHash: string;
  grossProfitWei: string;
  borrowed: string;
  /** The intent risk approved, and the amount it approved (units of the borrowed token). */
  intentId: string;
  approvedAmount: number;
  expectedProfit: number;
}

export interface FlashRoundOptions {
  /** Risk's capital and limits for the chain book; amounts and notionals in the profit token (WETH). */
  capital: number;
  limits?: Partial<RiskLimits>;
  /** Blocks to build before giving up. */
  maxBlocks?: number;
  logger?: Logger;
}

/**
 * One whole round on a running stack, with the risk actor in the loop: an ActorSystem hosts `risk` and the
 * chain strategy/venue actor; the relay builds a block, the actor publishes the pools' books, proposes the
 * best cycle as an `order.intents` batch of one, and sends the bundle only on risk's approval; blocks are built until it
 * lands (or expires). The realized profit is read back from balances: owner's WETH gain minus the
 * executor's ETH spent on gas (builder payments come out of the WETH).
 */
export async function runFlashRound(stack: FlashStack, options: FlashRoundOptions): Promise<FlashDemoResult> {
  const { chain, relay, executor } = stack;
  const clock = new SimulatedClock(0);
  const system = new ActorSystem({ clock, logger: options.logger });
  const seen: Message[] = [];
  system.observe((m) => seen.push(m));
  try {
    system.spawn(riskActor({ capital: options.capital, limits: options.limits, startTs: clock.now() }));
    system.spawn(chainVenueSpec(executor, { tokens: stack.tokens }));
    const { number: block } = await relay.buildBlock();
    const before = await flashBalancesAt(chain, block);
    system.publish({ type: 'chain.block', number: block });
    await system.whenQuiescent();
    const submitted = seen.find((m): m is Message<'chain.arbitrage.submitted'> => m.type === 'chain.arbitrage.submitted');
    if (!submitted) throw new Error(`no bundle submitted: ${whyNot(seen)}`);
    let included: Message<'chain.arbitrage.included'> | undefined;
    for (let i = 0; i < (options.maxBlocks ?? 8) && !included; i++) {
      const built = await relay.buildBlock();
      clock.advance(12_000);
      system.publish({ type: 'chain.block', number: built.number });
      await system.whenQuiescent();
      included = seen.find((m): m is Message<'chain.arbitrage.included'> => m.type === 'chain.arbitrage.included');
      if (!included && seen.some((m) => m.type === 'chain.arbitrage.dropped')) break;
    }
    if (!included) throw new Error('bundle was not included before its deadline');
    const landed = included.block;
    const receipt = (await chain.provider.getTransactionReceipt(included.txHash))!;
    const realized = realizedBetween(before, await flashBalancesAt(chain, landed));
    const approval = seen.flatMap((m) => (m.type === 'orders.approved' ? m.approvals : [])).find((a) => a.intent.intentId === submitted.intentId)!;
    const sent = seen.find((m): m is Message<'chain.sent'> => m.type === 'chain.sent' && m.intentId === submitted.intentId)!;
    return {
      predictedProfitWei: included.predictedNetWei,
      realizedProfitWei: realized.toString(),
      bundleBlock: landed,
      gasUsed: receipt.gasUsed.toString(),
      simulated: sent.simulated === true,
      txHash: included.txHash,
      grossProfitWei: sent.grossProfitWei ?? '0',
      borrowed: sent.borrowed ?? '0',
      intentId: submitted.intentId,
      approvedAmount: approval.amount,
      expectedProfit: approval.intent.expectedProfit ?? 0,
    };
  } finally {
    await system.whenQuiescent();
    await system.shutdown();
  }
}

/** Why no bundle went out: the skips and denials seen, in order. */
function whyNot(seen: readonly Message[]): string {
  const reasons = seen.flatMap((m) => (m.type === 'chain.arbitrage.skipped' ? [`${m.reason}: ${m.detail}`] : []));
  return reasons.join('; ') || 'no verdict';
}
