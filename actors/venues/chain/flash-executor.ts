import type { Block, JsonRpcProvider, Wallet } from 'ethers';
import type { FlashbotsBundleProvider } from '@flashbots/ethers-provider-bundle';
import { capOpportunity, findOpportunities, type Opportunity } from '../../strategies/flash-loan/opportunities.js';
import type { Pool } from '../../strategies/flash-loan/pool.js';
import { bestWithinAmountIn } from '../../strategies/flash-loan/within-amount-in.js';
import { isGenuineApproval, type Approval } from '../../risk/approval.js';
import { clearsThreshold, netProfit, nextBaseFee } from '../../strategies/flash-loan/net-profit.js';
import { OrderRejectedError, VenueUnavailableError } from '../../runtime/errors.js';
import { arbitrageTx, minProfitFor } from './arbitrage-tx.js';
import { recentPriorityFee } from './priority-fee.js';
import { bundleUuid } from './bundle-note.js';
import type { ReserveFollower } from './reserve-follower.js';

export interface FlashExecutorConfig {
  arbitrage: string;
  weth: string;
  factories: Record<string, string>;
  chainId: bigint;
  /**
   * The venue's dust floor: cycles netting less than this many wei are not proposed at all. Whether a
   * cycle is worth trading is the risk actor's call (MIN_PROFIT on the intent's expectedProfit).
   */
  minProfitWei: bigint;
  /**
   * On-chain floor only: the contract reverts unless it keeps max(minProfitWei, this × amount in) plus the
   * worst-case gas bill (R18). Set it to risk's minExpectedProfit so a leaked transaction clears the same bar.
   */
  minProfitFraction?: number;
  /**
   * Largest amount a cycle may put in, wei of the profit token: the notional and position limits risk will
   * judge it by (risk denies a larger intent outright). Cycles are re-sized to it before they are prepared.
   */
  maxAmountInWei?: bigint;
  priorityFeeFloorWei: bigint;
  /** Blocks after the first target during which the bundle may be resent. */
  deadlineBlocks: number;
  builderPaymentWei: bigint;
}

/** What evaluating one block gave, as data (a rejection is an outcome, not an exception). */
export type Preparation =
  | { kind: 'below-threshold'; block: number; opportunity: Opportunity; predictedNetWei: bigint }
  | { kind: 'simulation-failed'; block: number; opportunity: Opportunity; reason: string }
  | { kind: 'ready'; block: number; bundle: PreparedBundle };

/** The block's pools (for market data) and the best cycle on them, signed and simulated when it pays. */
export type Evaluation = ({ kind: 'none'; block: number } | Preparation) & { pools: Pool[] };

/** A signed transaction for one cycle, simulated by the relay for `targetBlock`; not yet sent. */
export interface PreparedBundle {
  opportunity: Opportunity;
  signedTx: string;
  txHash: string;
  /** The block whose reserves it was sized on. */
  block: number;
  targetBlock: number;
  deadlineBlock: number;
  predictedNetWei: bigint;
  gasUsed: bigint;
  gasPrice: bigint;
  simulated: true;
  /** Set by submit: the intent's replacementUuid (bundleUuid), sent again with every resend. */
  replacementUuid?: string;
}

export type SubmittedBundle = PreparedBundle;

interface BlockEnv {
  parent: Block;
  nonce: number;
  priority: bigint;
}

/**
 * The chain venue's I/O for one block: fresh reserves → best cycle → signed tx → eth_callBundle (evaluate),
 * then, only with a genuine risk approval for that intent, eth_sendBundle for the next block (submit).
 * The executor wallet has no provider: it can only sign, and the signed transaction goes nowhere but the relay.
 */
export class FlashExecutor {
  constructor(
    private readonly provider: JsonRpcProvider,
    private readonly follower: ReserveFollower,
    private readonly relay: FlashbotsBundleProvider,
    private readonly executor: Wallet,
    private readonly config: FlashExecutorConfig,
  ) {
    if (executor.provider !== null) throw new Error('the executor signer must not be connected to a provider (it would reach the public mempool)');
  }

  get weth(): string {
    return this.config.weth;
  }

  /** Reads the block's reserves, picks the best cycle and prepares it (sign + simulate). Sends nothing. */
  async evaluate(block: number): Promise<Evaluation> {
    const [pools, env] = await Promise.all([this.follower.read(block), this.env(block)]);
    const opportunity = bestWithinAmountIn(findOpportunities(pools, this.config.weth), this.config.maxAmountInWei);
    if (!opportunity || !env) return { kind: 'none', block, pools };
    return { ...(await this.prepare(block, opportunity, env)), pools };
  }

  /** The same cycle re-sized to borrow at most `maxBorrow` (risk approved less), signed and simulated again. */
  async resize(bundle: PreparedBundle, maxBorrow: bigint): Promise<Preparation> {
    const capped = capOpportunity(bundle.opportunity, maxBorrow);
    if (!capped) return { kind: 'below-threshold', block: bundle.block, opportunity: bundle.opportunity, predictedNetWei: 0n };
    const env = await this.env(bundle.block);
    if (!env) return { kind: 'simulation-failed', block: bundle.block, opportunity: capped, reason: `block ${bundle.block} not found` };
    return this.prepare(bundle.block, capped, env);
  }

  /**
   * Sends a prepared bundle to the relay for its target block. Only with a genuine approval minted by the
   * risk actor for an intent on this venue whose borrow covers the bundle's: the venue itself refuses
   * anything else, whatever its caller.
   */
  async submit(bundle: PreparedBundle, approval: Approval, approvedBorrow: bigint): Promise<SubmittedBundle> {
    if (!isGenuineApproval(approval)) throw new OrderRejectedError('flash bundle refused: not an approval minted by the risk actor');
    if (!approval.intent.venue.startsWith('chain:')) throw new OrderRejectedError(`flash bundle refused: approval is for venue ${approval.intent.venue}`);
    if (bundle.opportunity.borrow > approvedBorrow) {
      throw new OrderRejectedError(`flash bundle refused: borrow ${bundle.opportunity.borrow} exceeds the approved ${approvedBorrow}`);
    }
    bundle.replacementUuid = bundleUuid(approval.intent.intentId);
    await this.send(bundle, bundle.targetBlock);
    return bundle;
  }

  private async env(block: number): Promise<BlockEnv | undefined> {
    const [parent, nonce, priority] = await Promise.all([
      this.provider.getBlock(block),
      this.provider.getTransactionCount(this.executor.address, block),
      recentPriorityFee(this.provider, this.config.priorityFeeFloorWei),
    ]);
    return parent ? { parent, nonce, priority } : undefined;
  }

  /** Gas estimate → signed tx (on-chain floor = threshold + worst-case gas) → relay simulation → exact net. */
  private async prepare(block: number, opportunity: Opportunity, env: BlockEnv): Promise<Preparation> {
    const threshold = this.threshold(opportunity);
    // Gas only lowers it: a gross profit under the on-chain floor would revert in simulation anyway.
    if (!clearsThreshold(opportunity.profit, threshold)) return { kind: 'below-threshold', block, opportunity, predictedNetWei: opportunity.profit };
    const { parent, nonce, priority } = env;
    const baseFee = nextBaseFee(parent.baseFeePerGas ?? 0n, parent.gasUsed, parent.gasLimit);
    const maxFeePerGas = baseFee * 2n + priority;
    const deadlineBlock = block + 1 + this.config.deadlineBlocks;
    const txFor = (gasLimit: bigint, minProfit: bigint) =>
      arbitrageTx({ opportunity, arbitrage: this.config.arbitrage, factories: this.config.factories, chainId: this.config.chainId, nonce, gasLimit, maxFeePerGas, maxPriorityFeePerGas: priority, minProfit, deadlineBlock: BigInt(deadlineBlock), builderPayment: this.config.builderPaymentWei });
    let gasLimit: bigint;
    try {
      const estimate = await this.provider.estimateGas({ ...txFor(1_000_000n, 0n), from: this.executor.address });
      gasLimit = (estimate * 3n) / 2n + 50_000n; // the simulation below measures the real figure
    } catch (err) {
      return { kind: 'simulation-failed', block, opportunity, reason: `estimateGas: ${(err as Error).message.split('\n')[0]}` };
    }
    const signedTx = await this.executor.signTransaction(txFor(gasLimit, minProfitFor(threshold, gasLimit, maxFeePerGas)));
    const sim = await this.relay.simulate([signedTx], block + 1);
    if ('error' in sim) return { kind: 'simulation-failed', block, opportunity, reason: sim.error.message };
    if (sim.firstRevert) return { kind: 'simulation-failed', block, opportunity, reason: 'error' in sim.firstRevert ? sim.firstRevert.error : 'reverted' };
    const result = sim.results[0]!;
    const gasUsed = BigInt(result.gasUsed);
    const gasPrice = BigInt(result.gasPrice);
    const predictedNetWei = netProfit({ grossProfit: opportunity.profit, gasUsed, gasPrice, loanFee: 0n, builderPayment: this.config.builderPaymentWei });
    if (!clearsThreshold(predictedNetWei, this.config.minProfitWei)) return { kind: 'below-threshold', block, opportunity, predictedNetWei };
    return { kind: 'ready', block, bundle: { opportunity, signedTx, txHash: result.txHash, block, targetBlock: block + 1, deadlineBlock, predictedNetWei, gasUsed, gasPrice, simulated: true } };
  }

  /**
   * After each block: was the bundle included? If not and the deadline allows, re-simulate and resend it
   * for the next block. Returns the inclusion block, 'pending' (resent), or 'expired'/'dropped'.
   */
  async followUp(bundle: SubmittedBundle, block: number): Promise<number | 'pending' | 'expired' | 'dropped'> {
    const receipt = await this.provider.getTransactionReceipt(bundle.txHash);
    if (receipt) return receipt.blockNumber;
    if (block + 1 > bundle.deadlineBlock) return 'expired';
    const sim = await this.relay.simulate([bundle.signedTx], block + 1);
    if ('error' in sim || sim.firstRevert) return 'dropped';
    // The prediction follows the block the bundle now targets (its base fee may differ).
    bundle.gasUsed = BigInt(sim.results[0]!.gasUsed);
    bundle.gasPrice = BigInt(sim.results[0]!.gasPrice);
    bundle.predictedNetWei = netProfit({ grossProfit: bundle.opportunity.profit, gasUsed: bundle.gasUsed, gasPrice: bundle.gasPrice, loanFee: 0n, builderPayment: this.config.builderPaymentWei });
    bundle.targetBlock = block + 1;
    await this.send(bundle, block + 1);
    return 'pending';
  }

  /** max(minProfitWei, minProfitFraction × amountIn), in wei of the profit token. */
  threshold(o: Opportunity): bigint {
    const ppm = BigInt(Math.round((this.config.minProfitFraction ?? 0) * 1_000_000));
    const byFraction = (o.amountIn * ppm) / 1_000_000n;
    return byFraction > this.config.minProfitWei ? byFraction : this.config.minProfitWei;
  }

  private async send(bundle: SubmittedBundle, target: number): Promise<void> {
    const sent = await this.relay.sendRawBundle([bundle.signedTx], target, bundle.replacementUuid ? { replacementUuid: bundle.replacementUuid } : {});
    if ('error' in sent) throw new VenueUnavailableError(`relay refused the bundle: ${sent.error.message}`);
  }
}
