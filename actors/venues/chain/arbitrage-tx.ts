import { AbiCoder, type TransactionRequest } from 'ethers';
import { FlashArbitrage__factory } from '../../../contracts/generated/types/index.js';
import type { Opportunity } from '../../strategies/flash-loan/opportunities.js';

export interface ArbitrageTxInput {
  opportunity: Opportunity;
  arbitrage: string;
  /** DEX name → its Uniswap V2 factory address. */
  factories: Record<string, string>;
  chainId: bigint;
  nonce: number;
  gasLimit: bigint;
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
  /** The contract reverts unless it keeps at least this much (see minProfitFor). */
  minProfit: bigint;
  deadlineBlock: bigint;
  builderPayment: bigint;
}

/**
 * The on-chain floor for profit: the risk threshold plus the worst-case gas bill, so a transaction that
 * leaked to the public mempool and landed in any block still cannot lose money (R18).
 */
export function minProfitFor(thresholdWei: bigint, gasLimit: bigint, maxFeePerGas: bigint): bigint {
  return thresholdWei + gasLimit * maxFeePerGas;
}

/** The unsigned EIP-1559 transaction calling executeArbitrage for a flash-swap cycle. */
export function arbitrageTx(i: ArbitrageTxInput): TransactionRequest {
  const o = i.opportunity;
  const factory = (dex: string) => {
    const f = i.factories[dex];
    if (!f) throw new Error(`no factory configured for dex ${dex}`);
    return f;
  };
  const params = AbiCoder.defaultAbiCoder().encode(
    ['tuple(address[] factories,uint256 minProfit,uint256 deadlineBlock,uint256 builderPayment)'],
    [[[factory(o.buyPool.dex), factory(o.sellPool.dex)], i.minProfit, i.deadlineBlock, i.builderPayment]],
  );
  const data = FlashArbitrage__factory.createInterface().encodeFunctionData('executeArbitrage', [[o.profitToken, o.borrowToken, o.profitToken], o.borrow, params]);
  return {
    type: 2,
    to: i.arbitrage,
    data,
    value: 0n,
    chainId: i.chainId,
    nonce: i.nonce,
    gasLimit: i.gasLimit,
    maxFeePerGas: i.maxFeePerGas,
    maxPriorityFeePerGas: i.maxPriorityFeePerGas,
  };
}
