import type { JsonRpcProvider, TransactionRequest, Wallet } from 'ethers';
import { UniswapV2ERC20Token__factory, UniswapV2Pair__factory, WETH9__factory } from '../../../contracts/generated/types/index.js';
import { seededRandom } from '../../runtime/random.js';
import { getAmountOut } from '../../strategies/flash-loan/v2-math.js';
import { nextBaseFee } from '../../strategies/flash-loan/net-profit.js';
import type { LocalDeployment } from './deploy-local.js';
import type { LocalRelay } from './local-relay.js';

export interface TraderSettings {
  /** Chance per block that the trader swaps. */
  swapChance: number;
  /** Swap size range, as a fraction of the pool's reserve of the token sold. */
  minSwapFraction: number;
  maxSwapFraction: number;
  seed: number;
}

const PPM = 1_000_000n;
const CHAIN_ID = 31337n;
/** What the trader accepts of the quoted output: the block's bundle runs first and may move the pool a little. */
const ACCEPT_PPM = 995_000n;
const TRANSFER_GAS = 120_000n;
const SWAP_GAS = 250_000n;

const ppm = (fraction: number) => BigInt(Math.round(fraction * 1_000_000));

/**
 * A public trader on the local chain: with `swapChance` per block it swaps a random size of a random pool,
 * either side, as plain transactions in the relay's public mempool (transfer the input to the pair, then
 * Pair.swap: the pair pays out what it received beyond its reserves). Its swaps land after the block's
 * bundle, so the two DEXes drift apart and cross now and then. It never sees or reacts to a bundle.
 */
export class SimulatedTrader {
  private readonly random: () => number;
  private readonly pairIface = UniswapV2Pair__factory.createInterface();
  private readonly tokenIface = UniswapV2ERC20Token__factory.createInterface();
  private awaiting: string[] = [];
  /** Swaps mined without reverting, and swaps that reverted or were not mined. */
  swaps = 0;
  failed = 0;

  constructor(
    private readonly provider: JsonRpcProvider,
    private readonly relay: LocalRelay,
    private readonly trader: Wallet,
    private readonly deployment: LocalDeployment,
    private readonly settings: TraderSettings,
  ) {
    if (trader.provider !== null) throw new Error('the trader signer must not be connected to a provider: its swaps go through the relay');
    this.random = seededRandom(settings.seed);
  }

  /**
   * Gives the trader half of every pool's reserves of each token (from the liquidity account) and of WETH
   * (wrapped from its own ether), in one block built now.
   */
  async fund(liquidity: Wallet): Promise<void> {
    const reserves = new Map<string, bigint>();
    for (const p of this.deployment.pools) {
      const pair = UniswapV2Pair__factory.connect(p.pair, this.provider);
      const [[r0, r1], token0] = await Promise.all([pair.getReserves(), pair.token0()]);
      const [tokenReserve, wethReserve] = token0.toLowerCase() === p.token.toLowerCase() ? [r0, r1] : [r1, r0];
      reserves.set(p.token, (reserves.get(p.token) ?? 0n) + tokenReserve / 2n);
      reserves.set(this.deployment.weth, (reserves.get(this.deployment.weth) ?? 0n) + wethReserve / 2n);
    }
    const fee = await this.fees();
    const txs: Array<[Wallet, TransactionRequest]> = [];
    for (const [token, amount] of reserves) {
      if (token === this.deployment.weth) {
        txs.push([this.trader, { to: token, data: WETH9__factory.createInterface().encodeFunctionData('deposit'), value: amount, gasLimit: TRANSFER_GAS }]);
      } else {
        txs.push([liquidity, { to: token, data: this.tokenIface.encodeFunctionData('transfer', [this.trader.address, amount]), gasLimit: TRANSFER_GAS }]);
      }
    }
    const nonces = new Map<string, number>();
    for (const [wallet, tx] of txs) {
      const nonce = nonces.get(wallet.address) ?? (await this.provider.getTransactionCount(wallet.address, 'latest'));
      nonces.set(wallet.address, nonce + 1);
      this.awaiting.push(this.relay.sendPublic(await wallet.signTransaction({ ...tx, ...fee, nonce, chainId: CHAIN_ID, type: 2 })));
    }
    await this.relay.buildBlock();
    const receipts = await Promise.all(this.awaiting.map((h) => this.provider.getTransactionReceipt(h)));
    this.awaiting = [];
    if (receipts.some((r) => r?.status !== 1)) throw new Error('funding the simulated trader failed: a transfer did not land');
  }

  /** Maybe one swap for the next block: two signed transactions into the relay's public mempool. Returns whether it swapped. */
  async step(): Promise<boolean> {
    const { swapChance, minSwapFraction, maxSwapFraction } = this.settings;
    if (this.random() >= swapChance) return false;
    const pools = this.deployment.pools;
    const pool = pools[Math.min(pools.length - 1, Math.floor(this.random() * pools.length))]!;
    const sellWeth = this.random() < 0.5;
    const fraction = minSwapFraction + this.random() * (maxSwapFraction - minSwapFraction);
    const pair = UniswapV2Pair__factory.connect(pool.pair, this.provider);
    const [[r0, r1], token0, nonce, fee] = await Promise.all([pair.getReserves(), pair.token0(), this.provider.getTransactionCount(this.trader.address, 'latest'), this.fees()]);
    const tokenIn = sellWeth ? this.deployment.weth : pool.token;
    const inIs0 = token0.toLowerCase() === tokenIn.toLowerCase();
    const [reserveIn, reserveOut] = inIs0 ? [r0, r1] : [r1, r0];
    const amountIn = (reserveIn * ppm(fraction)) / PPM;
    const amountOut = (getAmountOut(amountIn, reserveIn, reserveOut) * ACCEPT_PPM) / PPM;
    if (amountOut === 0n) return false;
    const transfer = { to: tokenIn, data: this.tokenIface.encodeFunctionData('transfer', [pool.pair, amountIn]), gasLimit: TRANSFER_GAS };
    const swap = { to: pool.pair, data: this.pairIface.encodeFunctionData('swap', inIs0 ? [0n, amountOut, this.trader.address, '0x'] : [amountOut, 0n, this.trader.address, '0x']), gasLimit: SWAP_GAS };
    const sign = (tx: TransactionRequest, n: number) => this.trader.signTransaction({ ...tx, ...fee, nonce: n, chainId: CHAIN_ID, type: 2 });
    this.relay.sendPublic(await sign(transfer, nonce));
    this.awaiting.push(this.relay.sendPublic(await sign(swap, nonce + 1)));
    return true;
  }

  /** After a block was built (the relay empties its mempool into every block): counts the swaps it mined, and those it did not. */
  async afterBlock(): Promise<void> {
    const receipts = await Promise.all(this.awaiting.map((h) => this.provider.getTransactionReceipt(h)));
    this.awaiting = [];
    for (const r of receipts) {
      if (r?.status === 1) this.swaps += 1;
      else this.failed += 1;
    }
  }

  /** No tip: a public swap never outbids a bundle for the top of the block. */
  private async fees(): Promise<{ maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }> {
    const latest = await this.provider.getBlock('latest');
    const base = latest?.baseFeePerGas != null ? nextBaseFee(latest.baseFeePerGas, latest.gasUsed, latest.gasLimit) : 1_000_000_000n;
    return { maxFeePerGas: base * 2n + 1n, maxPriorityFeePerGas: 0n };
  }
}
