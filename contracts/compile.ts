/**
 * Compiles contracts/**\/*.sol with the npm solc package, writes the compiler's ABI + bytecode to
 * contracts/generated/artifacts/, and generates typed ethers v6 bindings (TypeChain) for them and for
 * the real Uniswap V2 / WETH9 builds shipped in @uniswap/v2-core and @uniswap/v2-periphery, and the real Uniswap V3
 * factory, pool, position manager and router shipped in @uniswap/v3-core and @uniswap/v3-periphery.
 * Run: npx tsx contracts/compile.ts
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';
import { runTypeChain } from 'typechain';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'generated');
const artifactsDir = join(outDir, 'artifacts');
const require = createRequire(import.meta.url);

function solidityFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'generated' ? [] : solidityFiles(join(dir, e.name));
    return e.name.endsWith('.sol') ? [join(dir, e.name)] : [];
  });
}

export interface Artifact {
  contractName: string;
  sourceName: string;
  compiler?: string;
  abi: unknown[];
  bytecode: string;
}

/** Compiles every .sol under contracts/ (except generated/) with the npm solc; throws on any error. */
export function compileSources(): Artifact[] {
const sources = Object.fromEntries(solidityFiles(here).map((f) => [relative(here, f), { content: readFileSync(f, 'utf8') }]));
const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors ?? []).filter((e: { severity: string }) => e.severity === 'error');
if (errors.length > 0) throw new Error(errors.map((e: { formattedMessage: string }) => e.formattedMessage).join('\n'));
const artifacts: Artifact[] = [];
for (const [file, contracts] of Object.entries(output.contracts as Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>)) {
  for (const [name, c] of Object.entries(contracts)) {
    if (c.evm.bytecode.object === '') continue; // interfaces: their ABIs live in the contracts that use them
    artifacts.push({ contractName: name, sourceName: file, compiler: `solc ${solc.version()}`, abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` });
  }
}
return artifacts;
}

export const ARTIFACTS_DIR = artifactsDir;

async function main(): Promise<void> {
const compiled = compileSources();
rmSync(outDir, { recursive: true, force: true });
mkdirSync(artifactsDir, { recursive: true });
const written: string[] = [];
for (const a of compiled) {
  const path = join(artifactsDir, `${a.contractName}.json`);
  writeFileSync(path, `${JSON.stringify(a, null, 1)}\n`);
  written.push(path);
}

// The real Uniswap V2, V3 and WETH9 builds (their own compiler output, shipped in the npm packages).
const external: Record<string, string> = {
  UniswapV2Factory: '@uniswap/v2-core/build/UniswapV2Factory.json',
  UniswapV2Pair: '@uniswap/v2-core/build/UniswapV2Pair.json',
  UniswapV2ERC20Token: '@uniswap/v2-core/build/ERC20.json',
  WETH9: '@uniswap/v2-periphery/build/WETH9.json',
  UniswapV3Factory: '@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json',
  UniswapV3Pool: '@uniswap/v3-core/artifacts/contracts/UniswapV3Pool.sol/UniswapV3Pool.json',
  NonfungiblePositionManager: '@uniswap/v3-periphery/artifacts/contracts/NonfungiblePositionManager.sol/NonfungiblePositionManager.json',
  SwapRouter: '@uniswap/v3-periphery/artifacts/contracts/SwapRouter.sol/SwapRouter.json',
};
for (const [name, pkgPath] of Object.entries(external)) {
  const build = JSON.parse(readFileSync(require.resolve(pkgPath), 'utf8'));
  const bytecode = build.bytecode.startsWith('0x') ? build.bytecode : `0x${build.bytecode}`;
  const path = join(artifactsDir, `${name}.json`);
  writeFileSync(path, `${JSON.stringify({ contractName: name, sourceName: pkgPath, abi: build.abi, bytecode }, null, 1)}\n`);
  written.push(path);
}

const result = await runTypeChain({
  cwd: here,
  filesToProcess: written,
  allFiles: written,
  outDir: join(outDir, 'types'),
  target: 'ethers-v6',
  flags: { node16Modules: true, alwaysGenerateOverloads: false, discriminateTypes: false, environment: undefined },
});
process.stdout.write(`compiled ${compiled.length} contracts with solc ${solc.version()}; ${written.length} artifacts; ${result.filesGenerated} typed files in contracts/generated\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
