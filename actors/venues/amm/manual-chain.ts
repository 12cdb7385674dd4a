import type { JsonRpcProvider, TransactionReceipt, Wallet } from 'ethers';
import { OrderRejectedError, VenueUnavailableError } from '../../runtime/errors.js';

/** Generous fee caps: anvil's base fee is far below them, and what the gas costs in dollars is priced apart (lp-gas.ts). */
const MAX_FEE_PER_GAS = 1_000_000_000_000n;

/**
 * A local chain with automine off: transactions are signed here with nonces counted here, sent without waiting, and
 * land together when `mine()` makes the next block. One recorded block is one mined block.
 */
export class ManualChain {
  private readonly nonces = new Map<string, number>();
  private blockNumber = 0;

  private constructor(readonly provider: JsonRpcProvider, private readonly chainId: bigint) {}

  /** Turns automine off (the chain's next block is made by `mine()` only) and counts the senders' nonces from here. */
  static async start(provider: JsonRpcProvider, senders: readonly Wallet[]): Promise<ManualChain> {
    await provider.send('evm_setAutomine', [false]);
    const chain = new ManualChain(provider, (await provider.getNetwork()).chainId);
    chain.blockNumber = Number(await provider.send('eth_blockNumber', []));
    for (const wallet of senders) chain.nonces.set(wallet.address, Number(await provider.send('eth_getTransactionCount', [wallet.address, 'pending'])));
    return chain;
  }

  /** The last mined block. */
  get block(): number {
    return this.blockNumber;
  }

  /** Signs and sends `data` to `to` from `wallet` (pending until `mine()`); returns the hash. */
  async send(wallet: Wallet, to: string, data: string, gasLimit: bigint): Promise<string> {
    const nonce = this.nonces.get(wallet.address);
    if (nonce === undefined) throw new RangeError(`${wallet.address} is not a sender of this chain`);
    this.nonces.set(wallet.address, nonce + 1);
    const raw = await wallet.signTransaction({ type: 2, chainId: this.chainId, nonce, to, data, gasLimit, maxFeePerGas: MAX_FEE_PER_GAS, maxPriorityFeePerGas: 0n });
    return (await this.provider.send('eth_sendRawTransaction', [raw])) as string;
  }

  /** Mines one block with every pending transaction; returns its number. */
  async mine(): Promise<number> {
    await this.provider.send('evm_mine', []);
    return ++this.blockNumber;
  }

  /** The receipt of a mined transaction; a revert is an error naming `what`. */
  async receipt(hash: string, what: string): Promise<TransactionReceipt> {
    const receipt = await this.provider.getTransactionReceipt(hash);
    if (receipt === null) throw new VenueUnavailableError(`${what}: ${hash} was not mined`);
    if (receipt.status !== 1) throw new OrderRejectedError(`${what}: ${hash} reverted in block ${receipt.blockNumber}`);
    return receipt;
  }

  /** Sends one transaction (gas limit from an estimate on the mined state), mines it alone, returns its receipt. */
  async sendAndMine(wallet: Wallet, to: string, data: string, what: string): Promise<TransactionReceipt> {
    const estimate = await this.provider.estimateGas({ from: wallet.address, to, data });
    const hash = await this.send(wallet, to, data, (estimate * 13n) / 10n);
    await this.mine();
    return this.receipt(hash, what);
  }
}
