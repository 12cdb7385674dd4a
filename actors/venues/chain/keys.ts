import { HDNodeWallet, Mnemonic, Wallet } from 'ethers';

/** anvil's public, well-known dev mnemonic: local chains only, never mainnet. */
const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';

/**
 * The distinct roles of the local scenario (R19): the contract owner, the executor that signs
 * arbitrage transactions, the Flashbots auth signer (signs relay requests only, holds nothing),
 * the liquidity provider that seeds the pools, a public trader whose swaps move prices, and our own LP.
 */
export interface ChainKeys {
  owner: Wallet;
  executor: Wallet;
  flashbotsAuth: Wallet;
  liquidity: Wallet;
  trader: Wallet;
  /** Opens and closes our own LP positions (the paper session's AMM venue), apart from the pools' seed liquidity. */
  lp: Wallet;
}

function devAccount(index: number): Wallet {
  const node = HDNodeWallet.fromMnemonic(Mnemonic.fromPhrase(ANVIL_MNEMONIC), `m/44'/60'/0'/0/${index}`);
  return new Wallet(node.privateKey);
}

export function localChainKeys(): ChainKeys {
  const keys = {
    owner: devAccount(0),
    executor: devAccount(1),
    liquidity: devAccount(2),
    trader: devAccount(3),
    lp: devAccount(4),
    // The auth key is fresh per run and never funded: reputation only, as Flashbots advises.
    flashbotsAuth: new Wallet(Wallet.createRandom().privateKey),
  };
  assertDistinct(keys);
  return keys;
}

export function assertDistinct(keys: Pick<ChainKeys, 'owner' | 'executor' | 'flashbotsAuth'>): void {
  const addresses = new Set([keys.owner.address, keys.executor.address, keys.flashbotsAuth.address]);
  if (addresses.size !== 3) throw new Error('owner, executor and Flashbots auth keys must be distinct');
}
