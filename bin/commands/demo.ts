import type { Command } from 'commander';
import { ConfigError, defaultConfig, loadConfig, type Config } from '../../config/index.js';
import { riskLimitsFrom } from '../../supervisors/from-config.js';
import type { CommandAbout } from './index.js';

interface FlashOptions {
  minProfitWei: string;
  builderPaymentWei: string;
  capitalWeth: string;
  config?: string;
  json?: boolean;
}

function usage(message: string): never {
  process.stderr.write(`arbiter demo flash: ${message}\n`);
  process.exit(2);
}

export function register(program: Command, about: CommandAbout): void {
  const demo = program.command(about.name).description(about.summary);
  demo
    .command('flash')
    .description('Flash-swap arbitrage on a fresh local anvil (real Uniswap V2 x2, real reserves), judged by the risk actor, sent as a Flashbots bundle through a local relay')
    .option('--min-profit-wei <wei>', "the chain venue's dust floor: cycles netting less are not proposed to risk", '1000000000000000')
    .option('--builder-payment-wei <wei>', 'pay the block builder this much from the WETH profit', '0')
    .option('--capital-weth <n>', "risk's capital for the chain book, in WETH (intents are quoted in WETH: position and notional limits apply in WETH)", '25000')
    .option('--config <file>', 'YAML config: risk limits (minProfitFraction = MIN_PROFIT, position, notional, staleness) for the risk actor')
    .option('--json', 'print one JSON object as the last line')
    .action(async (opts: FlashOptions) => {
      for (const [name, v] of [['--min-profit-wei', opts.minProfitWei], ['--builder-payment-wei', opts.builderPaymentWei]] as const) {
        if (!/^[0-9]+$/.test(v)) usage(`${name}: expected a non-negative integer number of wei, got "${v}"`);
      }
      const capital = Number(opts.capitalWeth);
      if (!/^[0-9]+(\.[0-9]+)?$/.test(opts.capitalWeth) || !(capital > 0)) usage(`--capital-weth: expected a positive number of WETH, got "${opts.capitalWeth}"`);
      let config: Config;
      try {
        config = opts.config ? loadConfig({ file: opts.config }).config : defaultConfig();
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        usage(err.message);
      }
      const limits = riskLimitsFrom(config);
      // risk alone judges the profit fraction (MIN_PROFIT); the venue keeps only its wei floor, also the on-chain floor with the gas bound
      // Loaded here, not at the top: the other commands start without ethers and anvil.
      const { startFlashStack, runFlashRound } = await import('../../actors/venues/chain/flash-scenario.js');
      const stack = await startFlashStack({ minProfitWei: BigInt(opts.minProfitWei), builderPaymentWei: BigInt(opts.builderPaymentWei) });
      try {
        const result = await runFlashRound(stack, { capital, limits }).catch((err: Error) => {
          process.stderr.write(`arbiter demo flash: ${err.message}\n`);
          process.exitCode = 1;
          return undefined;
        });
        if (!result) return;
        if (!opts.json) {
          process.stdout.write(`risk approved ${result.intentId} (expected profit ${(result.expectedProfit * 100).toFixed(3)}%); bundle landed in block ${result.bundleBlock}: predicted ${result.predictedProfitWei} wei, realized ${result.realizedProfitWei} wei, gas ${result.gasUsed}\n`);
        }
        const { predictedProfitWei, realizedProfitWei, bundleBlock, gasUsed, simulated } = result;
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ predictedProfitWei, realizedProfitWei, bundleBlock, gasUsed, simulated, txHash: result.txHash, grossProfitWei: result.grossProfitWei, intentId: result.intentId, approvedAmount: result.approvedAmount, expectedProfit: result.expectedProfit })}\n`);
        }
      } finally {
        await stack.stop();
      }
    });
}
