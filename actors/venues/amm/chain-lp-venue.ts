import type { Log, TransactionReceipt, Wallet } from 'ethers';
import type { NonfungiblePositionManager } from '../../../contracts/generated/types/index.js';
import { MAX_UINT128 } from '../../amm/full-math.js';
import { MAX_TICK, MIN_TICK } from '../../amm/v3/tick-math.js';
import type { ChainPoolStates } from './chain-pool-states.js';
import { gasUsd } from './lp-gas.js';
import type { BurnResult, LpVenue, MintRequest, MintResult, PositionMark } from './lp-venue.js';
import type { ManualChain } from './manual-chain.js';
import { amountsUsd, checkMintRequest, liquidityForDeposit, positionAmounts } from './position-amounts.js';

const NO_DEADLINE = 2n ** 64n;

export interface ChainLpVenueDeps {
  id: string;
  chain: ManualChain;
  states: ChainPoolStates;
  /** Our LP key: it owns every position this venue opens. */
  lp: Wallet;
  /** The position manager, read through the provider (transactions are signed by the ManualChain). */
  positions: NonfungiblePositionManager;
  token0: string;
  token1: string;
  /**
   * The gas price the dollar cost of gas is charged at. anvil's own price (its base fee, which falls in blocks that
   * are not full) is meaningless for costs, so only the receipts' gasUsed is taken from the chain.
   */
  gasPriceGwei: number;
  /** Recorded time of the market step the venue stands at, epoch ms. */
  ts(): number;
}

interface OpenPosition {
  tokenId: bigint;
  fee: number;
  tickLower: number;
  tickUpper: number;
}

/**
 * LP positions through the real NonfungiblePositionManager on the local chain, owned by the LP key; each call is its
 * own mined block. Position ids are the NFT token ids.
 */
export class ChainLpVenue implements LpVenue {
  readonly id: string;
  private readonly opened = new Map<string, OpenPosition>();

  constructor(private readonly deps: ChainLpVenueDeps) {
    this.id = deps.id;
  }

  get fees(): readonly number[] {
    return this.deps.states.fees;
  }

  pool(fee: number) {
    return this.deps.states.get(fee);
  }

  open(): string[] {
    return [...this.opened.keys()];
  }

  async mint(request: MintRequest): Promise<MintResult> {
    const { fee, tickLower, tickUpper, depositUsd } = request;
    const state = this.pool(fee);
    checkMintRequest(request, state.tickSpacing);
    const target = liquidityForDeposit(state.sqrtPriceX96, tickLower, tickUpper, depositUsd);
    if (target <= 0n) throw new RangeError(`mint: $${depositUsd} is less than one unit of liquidity on [${tickLower}, ${tickUpper})`);
    const desired = positionAmounts(state.sqrtPriceX96, tickLower, tickUpper, target, true);
    const { lp, positions, token0, token1 } = this.deps;
    const receipt = await this.send(positions.interface.encodeFunctionData('mint', [{
      token0, token1, fee, tickLower, tickUpper, amount0Desired: desired.amount0, amount1Desired: desired.amount1,
      amount0Min: 0n, amount1Min: 0n, recipient: lp.address, deadline: NO_DEADLINE,
    }]), `mint ${fee} [${tickLower}, ${tickUpper})`);
    const { tokenId, liquidity, amount0, amount1 } = this.event(receipt, 'IncreaseLiquidity');
    const positionId = tokenId.toString();
    this.opened.set(positionId, { tokenId, fee, tickLower, tickUpper });
    await this.deps.states.refresh(fee);
    return {
      positionId, fee, tickLower, tickUpper, liquidity, amount0, amount1,
      depositedUsd: amountsUsd(amount0, amount1, state.priceUsd),
      gasUsed: receipt.gasUsed, gasUsd: gasUsd(receipt.gasUsed, this.deps.gasPriceGwei, state.priceUsd),
      block: receipt.blockNumber, ts: this.deps.ts(),
    };
  }

  async burn(positionId: string): Promise<BurnResult> {
    const position = this.position(positionId);
    const { lp, positions } = this.deps;
    const { liquidity } = await positions.positions(position.tokenId);
    const decrease = await this.send(positions.interface.encodeFunctionData('decreaseLiquidity', [{
      tokenId: position.tokenId, liquidity, amount0Min: 0n, amount1Min: 0n, deadline: NO_DEADLINE,
    }]), `decreaseLiquidity ${positionId}`);
    const principal = this.event(decrease, 'DecreaseLiquidity');
    const collect = await this.send(positions.interface.encodeFunctionData('collect', [{
      tokenId: position.tokenId, recipient: lp.address, amount0Max: MAX_UINT128, amount1Max: MAX_UINT128,
    }]), `collect ${positionId}`);
    const collected = this.event(collect, 'Collect');
    const burn = await this.send(positions.interface.encodeFunctionData('burn', [position.tokenId]), `burn ${positionId}`);
    this.opened.delete(positionId);
    await this.deps.states.refresh(position.fee);
    const price = this.pool(position.fee).priceUsd;
    const fees0 = collected.amount0 - principal.amount0;
    const fees1 = collected.amount1 - principal.amount1;
    const gasUsed = decrease.gasUsed + collect.gasUsed + burn.gasUsed;
    return {
      positionId, amount0: principal.amount0, amount1: principal.amount1, fees0, fees1,
      withdrawnUsd: amountsUsd(principal.amount0, principal.amount1, price), feesUsd: amountsUsd(fees0, fees1, price),
      gasUsed, gasUsd: gasUsd(gasUsed, this.deps.gasPriceGwei, price), block: burn.blockNumber, ts: this.deps.ts(),
    };
  }

  async mark(positionId: string): Promise<PositionMark> {
    const position = this.position(positionId);
    const { lp, positions } = this.deps;
    const state = this.pool(position.fee);
    const [{ liquidity }, fees] = await Promise.all([
      positions.positions(position.tokenId),
      // collect pokes the pool first, so what it would pay now is every fee earned, not only those already booked.
      positions.collect.staticCall({ tokenId: position.tokenId, recipient: lp.address, amount0Max: MAX_UINT128, amount1Max: MAX_UINT128 }, { from: lp.address }),
    ]);
    const principal = positionAmounts(state.sqrtPriceX96, position.tickLower, position.tickUpper, liquidity, false);
    const feesUsd = amountsUsd(fees.amount0, fees.amount1, state.priceUsd);
    return { valueUsd: amountsUsd(principal.amount0, principal.amount1, state.priceUsd) + feesUsd, feesUsd };
  }

  private position(positionId: string): OpenPosition {
    const position = this.opened.get(positionId);
    if (position === undefined) throw new RangeError(`${this.id}: no open position ${positionId}`);
    return position;
  }

  private async send(data: string, what: string): Promise<TransactionReceipt> {
    return this.deps.chain.sendAndMine(this.deps.lp, await this.deps.positions.getAddress(), data, what);
  }

  /** The position manager's `name` event in the receipt. */
  private event(receipt: TransactionReceipt, name: 'IncreaseLiquidity' | 'DecreaseLiquidity' | 'Collect'): { tokenId: bigint; liquidity: bigint; amount0: bigint; amount1: bigint } {
    const address = this.deps.positions.target.toString().toLowerCase();
    const parsed = receipt.logs
      .filter((log: Log) => log.address.toLowerCase() === address)
      .map((log) => this.deps.positions.interface.parseLog(log))
      .find((e) => e?.name === name);
    if (!parsed) throw new Error(`${name} event missing from ${receipt.hash}`);
    return { tokenId: parsed.args.tokenId, liquidity: parsed.args.liquidity ?? 0n, amount0: parsed.args.amount0, amount1: parsed.args.amount1 };
  }
}
