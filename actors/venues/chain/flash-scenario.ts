import { FlashbotsBundleProvider } from '@flashbots/ethers-provider-bundle';
import { WETH9__factory } from '../../../contracts/generated/types/index.js';
import { startLocalChain, type LocalChain } from './local-chain.js';
import { LocalRelay } from './local-relay.js';
import { ReserveFollower } from './reserve-follower.js';
import { FlashExecutor, type BlockOutcome } from './flash-executor.js';

/** The local stack of the flash-loan demo: anvil + deployed DEXes + relay/builder + executor. */
export interface FlashStack {
  chain: LocalChain;
  relay: LocalRelay;
  flashbots: FlashbotsBundleProvider;
  follower: ReserveFollower;
  executor: FlashExecutor;
  stop(): Promise<void>;
}

export interface FlashStackOptions {
  minProfitWei?: bigint;
  /** risk.minProfitFraction from config. */
  minProfitFraction?: number;
  builderPaymentWei?: bigint;
  deadlineBlocks?: number;
}

export async function startFlashStack(opts: FlashStackOptions = {}): Promise<FlashStack> {
  const chain = await startLocalChain();
  const relay = new LocalRelay(chain.provider);
  try {
    const url = await relay.start();
    // The Flashbots client is CommonJS and loads ethers' CJS build; ours is the ESM build of the same ethers.
    // Only the types differ (private fields), so cast at this one seam.
    type Args = Parameters<typeof FlashbotsBundleProvider.create>;
    const flashbots = await FlashbotsBundleProvider.create(chain.provider as unknown as Args[0], chain.keys.flashbotsAuth as unknown as Args[1], url, 31337);
    const d = chain.deployment;
    const follower = new ReserveFollower(chain.provider, d.pools.map((p) => ({ dex: p.dex, pair: p.pair })));
    await follower.init();
    const executor = new FlashExecutor(chain.provider, follower, flashbots, chain.keys.executor, {
      arbitrage: d.arbitrage,
      weth: d.weth.toLowerCase(),
      factories: d.factories,
      chainId: 31337n,
      minProfitWei: opts.minProfitWei ?? 10n ** 15n,
      minProfitFraction: opts.minProfitFraction ?? 0,
      priorityFeeFloorWei: 1_000_000_000n,
      deadlineBlocks: opts.deadlineBlocks ?? 2,
      builderPaymentWei: opts.builderPaymentWei ?? 0n,
    });
    return {
      chain,
      relay,
      flashbots,
      follower,
      executor,
      stop: async () => {
        await relay.stop();
        await chain.stop();
      },
    };
  } catch (err) {
    await relay.stop();
    await chain.stop();
    throw err;
  }
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
  outcome: BlockOutcome['kind'];
}

/**
 * One whole round on a running stack: a block is built, the executor reacts to it, the relay builds
 * blocks until the bundle lands or expires, and the realized profit is read back from balances:
 * owner's WETH gain minus the executor's ETH spent on gas (builder payments come out of the WETH).
 */
export async function runFlashRound(stack: FlashStack): Promise<FlashDemoResult> {
  const { chain, relay, executor } = stack;
  const weth = WETH9__factory.connect(chain.deployment.weth, chain.provider);
  const { number: block } = await relay.buildBlock();
  const outcome = await executor.onBlock(block);
  if (outcome.kind !== 'submitted') throw new Error(`no bundle submitted: ${outcome.kind}${'reason' in outcome ? ` (${outcome.reason})` : ''}`);
  const bundle = outcome.bundle;
  const ownerBefore = await weth.balanceOf(chain.keys.owner.address, { blockTag: block });
  const executorBefore = await chain.provider.getBalance(chain.keys.executor.address, block);
  let landed: number | undefined;
  for (;;) {
    const built = await relay.buildBlock();
    const status = await executor.followUp(bundle, built.number);
    if (typeof status === 'number') {
      landed = status;
      break;
    }
    if (status !== 'pending') break;
  }
  if (landed === undefined) throw new Error('bundle was not included before its deadline');
  const receipt = (await chain.provider.getTransactionReceipt(bundle.txHash))!;
  const ownerAfter = await weth.balanceOf(chain.keys.owner.address, { blockTag: landed });
  const executorAfter = await chain.provider.getBalance(chain.keys.executor.address, landed);
  const realized = ownerAfter - ownerBefore - (executorBefore - executorAfter);
  return {
    predictedProfitWei: bundle.predictedNetWei.toString(),
    realizedProfitWei: realized.toString(),
    bundleBlock: landed,
    gasUsed: receipt.gasUsed.toString(),
    simulated: bundle.simulated,
    txHash: bundle.txHash,
    grossProfitWei: bundle.opportunity.profit.toString(),
    borrowed: bundle.opportunity.borrow.toString(),
    outcome: outcome.kind,
  };
}
