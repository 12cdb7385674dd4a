import { JsonRpcProvider, NonceManager, type Signer } from 'ethers';
import {
  FlashArbitrage__factory,
  TestFlashLender__factory,
  UniswapV2ERC20Token__factory,
  UniswapV2Factory__factory,
  UniswapV2Pair__factory,
  WETH9__factory,
} from '../../../contracts/generated/types/index.js';
import type { ChainKeys } from './keys.js';

/** Real reserves for one token against WETH on two DEXes, from data/dex (raw units). */
export interface SeedPool {
  symbol: string;
  /** The real token's decimals (the raw reserves are in them); the deployed test tokens have 18. Default 18. */
  decimals?: number;
  /** [tokenReserve, wethReserve] per DEX. */
  uniswap: [bigint, bigint];
  sushiswap: [bigint, bigint];
}

/**
 * DAI/WETH and USDC/WETH as recorded in data/dex (Uniswap pairs 0xA478…eB11 and 0xB4e1…C9Dc,
 * SushiSwap pairs 0xC3D0…882f and 0x397F…ACa0). The two files are from different blocks, so their
 * prices differ by ~5%: on our chain that is the price gap.
 */
export const SEED_POOLS: SeedPool[] = [
  { symbol: 'DAI', uniswap: [147756526248031590428050982n, 441991822316332502643139n], sushiswap: [29832081374274091339175331n, 84548567003729149157951n] },
  { symbol: 'USDC', decimals: 6, uniswap: [176560092727090n, 524595304157729979983018n], sushiswap: [31532525508901n, 88487139830650706404586n] },
];

export interface DeployedPool {
  dex: 'uniswap' | 'sushiswap';
  symbol: string;
  pair: string;
  token: string;
}

export interface LocalDeployment {
  weth: string;
  factories: { uniswap: string; sushiswap: string };
  tokens: Record<string, string>;
  pools: DeployedPool[];
  arbitrage: string;
  lender: string;
}

/** Deploys WETH9, the real Uniswap V2 factory twice, test tokens, seeded pairs, a test lender and FlashArbitrage. */
export async function deployLocal(provider: JsonRpcProvider, keys: ChainKeys, seeds: SeedPool[] = SEED_POOLS): Promise<LocalDeployment> {
  const liquidity: Signer = new NonceManager(keys.liquidity.connect(provider));
  const owner: Signer = new NonceManager(keys.owner.connect(provider));
  const weth = await (await new WETH9__factory(liquidity).deploy()).waitForDeployment();
  const uni = await (await new UniswapV2Factory__factory(liquidity).deploy(keys.liquidity.address)).waitForDeployment();
  const sushi = await (await new UniswapV2Factory__factory(liquidity).deploy(keys.liquidity.address)).waitForDeployment();
  const wethAddress = await weth.getAddress();
  const factories = { uniswap: await uni.getAddress(), sushiswap: await sushi.getAddress() };

  let wethNeeded = 0n;
  for (const s of seeds) wethNeeded += s.uniswap[1] + s.sushiswap[1];
  await (await weth.deposit({ value: wethNeeded })).wait();

  const tokens: Record<string, string> = {};
  const pools: DeployedPool[] = [];
  for (const s of seeds) {
    const supply = s.uniswap[0] + s.sushiswap[0] + 10n ** 30n;
    const token = await (await new UniswapV2ERC20Token__factory(liquidity).deploy(supply)).waitForDeployment();
    const tokenAddress = await token.getAddress();
    tokens[s.symbol] = tokenAddress;
    for (const [dex, factory, [tokenReserve, wethReserve]] of [
      ['uniswap', uni, s.uniswap],
      ['sushiswap', sushi, s.sushiswap],
    ] as const) {
      await (await factory.createPair(tokenAddress, wethAddress)).wait();
      const pairAddress = await factory.getPair(tokenAddress, wethAddress);
      await (await token.transfer(pairAddress, tokenReserve)).wait();
      await (await weth.transfer(pairAddress, wethReserve)).wait();
      await (await UniswapV2Pair__factory.connect(pairAddress, liquidity).mint(keys.liquidity.address)).wait();
      pools.push({ dex, symbol: s.symbol, pair: pairAddress, token: tokenAddress });
    }
  }

  const lender = await (await new TestFlashLender__factory(liquidity).deploy(9n)).waitForDeployment();
  const lenderAddress = await lender.getAddress();
  await (await weth.deposit({ value: 10_000n * 10n ** 18n })).wait();
  await (await weth.transfer(lenderAddress, 10_000n * 10n ** 18n)).wait();

  const arbitrage = await (
    await new FlashArbitrage__factory(owner).deploy(keys.executor.address, wethAddress, [factories.uniswap, factories.sushiswap], [lenderAddress])
  ).waitForDeployment();
  return { weth: wethAddress, factories, tokens, pools, arbitrage: await arbitrage.getAddress(), lender: lenderAddress };
}
