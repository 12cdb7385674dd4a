import type { JsonRpcProvider, Wallet } from 'ethers';
import type { FlashbotsBundleProvider } from '@flashbots/ethers-provider-bundle';
import { findOpportunities, type Opportunity } from '../../strategies/flash-loan/opportunities.js';
import { clearsThreshold, netProfit, nextBaseFee } from '../../strategies/flash-loan/net-profit.js';
import { VenueUnavailableError } from '../../runtime/errors.js';
import { arbitrageTx, minProfitFor } from './arbitrage-tx.js';
import { recentPriorityFee } from './priority-fee.js';
import type { ReserveFollower } from './reserve-follower.js';

export interface FlashExecutorConfig {
  arbitrage: string;
  weth: string;
  factories: Record<string, string>;
  chainId: bigint;
  /** Risk's min net profit in wei (a floor for tiny trades). */
  minProfitWei: bigint;
  /** Risk's min net profit as a fraction of the amount put in (config risk.minProfitFraction); 0 to ignore. */
  minProfitFraction?: number;
  priorityFeeFloorWei: bigint;
  /** Blocks after the first target during which the bundle may be resent. */
  deadlineBlocks: number;
  builderPaymentWei: bigint;
}

/** What happened on one block, as data (a rejection is an outcome, not an exception). */
export type BlockOutcome =
  | { kind: 'none'; block: number }
  | { kind: 'below-threshold'; block: number; opportunity: Opportunity; predictedNetWei: bigint }
  | { kind: 'simulation-failed'; block: number; opportunity: Opportunity; reason: string }
  | { kind: 'submitted'; block: number; bundle: SubmittedBundle };

export interface SubmittedBundle {
  opportunity: Opportunity;
  signedTx: string;
  txHash: string;
  targetBlock: number;
  deadlineBlock: number;
  predictedNetWei: bigint;
  gasUsed: bigint;
  gasPrice: bigint;
  simulated: true;
}

/**
 * The chain venue's pipeline for one block: fresh reserves → best cycle → signed tx → eth_callBundle →
 * eth_sendBundle for the next block. The executor wallet has no provider: it can only sign, and the
 * signed transaction goes nowhere but the relay.
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

  async onBlock(block: number): Promise<BlockOutcome> {
    const [pools, parent, nonce, priority] = await Promise.all([
      this.follower.read(block),
      this.provider.getBlock(block),
      this.provider.getTransactionCount(this.executor.address, block),
      recentPriorityFee(this.provider, this.config.priorityFeeFloorWei),
    ]);
    const [opportunity] = findOpportunities(pools, this.config.weth);
    if (!opportunity || !parent) return { kind: 'none', block };
    const threshold = this.threshold(opportunity);
    // Gas only lowers it: a gross profit under the threshold is refused without simulating.
    if (!clearsThreshold(opportunity.profit, threshold)) return { kind: 'below-threshold', block, opportunity, predictedNetWei: opportunity.profit };
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
    if (!clearsThreshold(predictedNetWei, threshold)) return { kind: 'below-threshold', block, opportunity, predictedNetWei };
    const bundle: SubmittedBundle = { opportunity, signedTx, txHash: result.txHash, targetBlock: block + 1, deadlineBlock, predictedNetWei, gasUsed, gasPrice, simulated: true };
    await this.send(bundle, block + 1);
    return { kind: 'submitted', block, bundle };
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
    const sent = await this.relay.sendRawBundle([bundle.signedTx], target);
    if ('error' in sent) throw new VenueUnavailableError(`relay refused the bundle: ${sent.error.message}`);
  }
}
