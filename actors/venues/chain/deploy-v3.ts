import { MaxUint256, NonceManager, type JsonRpcProvider, type Signer } from 'ethers';
import {
  NonfungiblePositionManager__factory,
  SwapRouter__factory,
  UniswapV2ERC20Token__factory,
  UniswapV3Factory__factory,
  UniswapV3Pool__factory,
  WETH9__factory,
  type NonfungiblePositionManager,
  type SwapRouter,
  type UniswapV2ERC20Token,
  type UniswapV3Pool,
} from '../../../contracts/generated/types/index.js';

/** A V3 pool to create on the local chain: its fee tier (hundredths of a bip) and starting price, as recorded. */
export interface V3PoolSeed {
  fee: 500 | 3000 | 10000;
  sqrtPriceX96: bigint;
}

export interface V3Deployment {
  factory: string;
  positions: NonfungiblePositionManager;
  router: SwapRouter;
  /** token0 and token1 in the pool's order (the lower address is token0, as the factory sorts them). */
  token0: UniswapV2ERC20Token;
  token1: UniswapV2ERC20Token;
  pools: Record<number, UniswapV3Pool>;
}

const SUPPLY = 10n ** 40n;

/**
 * The real Uniswap V3 factory, position manager and router (bytecode from @uniswap/v3-core and v3-periphery) on a
 * local chain, with two test tokens standing for USDC (token0) and WETH (token1), and one pool per seed initialised
 * at its recorded price. The deployer holds every token and has approved the position manager and the router.
 */
export async function deployV3(provider: JsonRpcProvider, deployer: Signer, seeds: readonly V3PoolSeed[]): Promise<V3Deployment> {
  const signer = new NonceManager(deployer.connect(provider));
  const weth = await (await new WETH9__factory(signer).deploy()).waitForDeployment();
  const factory = await (await new UniswapV3Factory__factory(signer).deploy()).waitForDeployment();
  const factoryAddress = await factory.getAddress();
  const wethAddress = await weth.getAddress();
  // The descriptor only renders token URIs; no position here needs one.
  const positions = await (await new NonfungiblePositionManager__factory(signer).deploy(factoryAddress, wethAddress, wethAddress)).waitForDeployment();
  const router = await (await new SwapRouter__factory(signer).deploy(factoryAddress, wethAddress)).waitForDeployment();
  const a = await (await new UniswapV2ERC20Token__factory(signer).deploy(SUPPLY)).waitForDeployment();
  const b = await (await new UniswapV2ERC20Token__factory(signer).deploy(SUPPLY)).waitForDeployment();
  const [token0, token1] = BigInt(await a.getAddress()) < BigInt(await b.getAddress()) ? [a, b] : [b, a];
  for (const token of [token0, token1]) {
    for (const spender of [await positions.getAddress(), await router.getAddress()]) await (await token.approve(spender, MaxUint256)).wait();
  }
  const pools: Record<number, UniswapV3Pool> = {};
  for (const seed of seeds) {
    await (await factory.createPool(await token0.getAddress(), await token1.getAddress(), seed.fee)).wait();
    const address = await factory.getPool(await token0.getAddress(), await token1.getAddress(), seed.fee);
    const pool = UniswapV3Pool__factory.connect(address, signer);
    await (await pool.initialize(seed.sqrtPriceX96)).wait();
    pools[seed.fee] = pool;
  }
  return { factory: factoryAddress, positions: positions as unknown as NonfungiblePositionManager, router: router as unknown as SwapRouter, token0, token1, pools };
}
