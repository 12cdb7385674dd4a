/** What the flash-loan strategy expects to keep, in wei of the profit token (WETH: 1:1 with gas wei). */
export interface NetProfitInput {
  /** amountOut - amountIn of the cycle. */
  grossProfit: bigint;
  gasUsed: bigint;
  /** Effective gas price the bundle pays in its target block: baseFee + priority fee. */
  gasPrice: bigint;
  /** Fee charged by the lender (0n for a Uniswap V2 flash swap repaid in the other token). */
  loanFee: bigint;
  /** Direct payment to the block builder (block.coinbase). */
  builderPayment: bigint;
}

export function netProfit(i: NetProfitInput): bigint {
  return i.grossProfit - i.gasUsed * i.gasPrice - i.loanFee - i.builderPayment;
}

/** Propose only when the net profit clears the risk threshold (from config, passed in). */
export function clearsThreshold(net: bigint, minProfitWei: bigint): boolean {
  return net > 0n && net >= minProfitWei;
}

/** EIP-1559 base fee of the next block from its parent (what the chain will charge the bundle). */
export function nextBaseFee(parentBaseFee: bigint, parentGasUsed: bigint, parentGasLimit: bigint): bigint {
  const target = parentGasLimit / 2n;
  if (parentGasUsed === target) return parentBaseFee;
  if (parentGasUsed > target) {
    const delta = (parentBaseFee * (parentGasUsed - target)) / target / 8n;
    return parentBaseFee + (delta > 0n ? delta : 1n);
  }
  return parentBaseFee - (parentBaseFee * (target - parentGasUsed)) / target / 8n;
}
