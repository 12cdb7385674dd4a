import type { Command } from 'commander';
import { startFlashStack, runFlashRound } from '../../actors/venues/chain/flash-scenario.js';
import { ConfigError, defaultConfig, loadConfig } from '../../config/index.js';

export function register(program: Command): void {
  const demo = program.command('demo').description('Self-contained demonstrations on local infrastructure');
  demo
    .command('flash')
    .description('Flash-swap arbitrage on a fresh local anvil (real Uniswap V2 x2, real reserves) sent as a Flashbots bundle through a local relay')
    .option('--min-profit-wei <wei>', 'risk threshold on net profit, wei', '1000000000000000')
    .option('--builder-payment-wei <wei>', 'pay the block builder this much from the WETH profit', '0')
    .option('--config <file>', 'YAML config: risk.minProfitFraction of the amount put in is also required')
    .option('--json', 'print one JSON object as the last line')
    .action(async (opts: { minProfitWei: string; builderPaymentWei: string; config?: string; json?: boolean }) => {
      for (const [name, v] of [['--min-profit-wei', opts.minProfitWei], ['--builder-payment-wei', opts.builderPaymentWei]] as const) {
        if (!/^[0-9]+$/.test(v)) {
          process.stderr.write(`arbiter demo flash: ${name}: expected a non-negative integer number of wei, got "${v}"\n`);
          process.exit(2);
        }
      }
      let minProfitFraction: number;
      try {
        minProfitFraction = (opts.config ? loadConfig({ file: opts.config }).config : defaultConfig()).risk.minProfitFraction;
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        process.stderr.write(`arbiter demo flash: ${err.message}\n`);
        process.exit(2);
      }
      const stack = await startFlashStack({ minProfitWei: BigInt(opts.minProfitWei), minProfitFraction, builderPaymentWei: BigInt(opts.builderPaymentWei) });
      try {
        const result = await runFlashRound(stack).catch((err: Error) => {
          process.stderr.write(`arbiter demo flash: ${err.message}\n`);
          process.exitCode = 1;
          return undefined;
        });
        if (!result) return;
        if (!opts.json) {
          process.stdout.write(`bundle landed in block ${result.bundleBlock}: predicted ${result.predictedProfitWei} wei, realized ${result.realizedProfitWei} wei, gas ${result.gasUsed}\n`);
        }
        const { predictedProfitWei, realizedProfitWei, bundleBlock, gasUsed, simulated } = result;
        if (opts.json) process.stdout.write(`${JSON.stringify({ predictedProfitWei, realizedProfitWei, bundleBlock, gasUsed, simulated, txHash: result.txHash, grossProfitWei: result.grossProfitWei })}\n`);
      } finally {
        await stack.stop();
      }
    });
}
