import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ArbiterError, InputError } from '../../actors/runtime/errors.js';
import { parsePoolsJson } from '../../actors/strategies/flash-loan/pool.js';
import { crossDexPairs, findOpportunities, type Opportunity } from '../../actors/strategies/flash-loan/opportunities.js';
import { resolveToken } from '../../actors/strategies/flash-loan/resolve-token.js';
import type { CommandAbout } from './index.js';

function toJson(o: Opportunity) {
  return {
    buyPool: o.buyPool.pair,
    sellPool: o.sellPool.pair,
    amountIn: o.amountIn.toString(),
    amountOut: o.amountOut.toString(),
    profit: o.profit.toString(),
    buyDex: o.buyPool.dex,
    sellDex: o.sellPool.dex,
    profitToken: o.profitToken,
    borrowToken: o.borrowToken,
    borrowAmount: o.borrow.toString(),
  };
}

export function register(program: Command, about: CommandAbout): void {
  const quote = program.command(about.name).description(about.summary);
  quote
    .command('dex')
    .description('Flash-swap cycles between Uniswap V2-style pools of the same tokens on different DEXes, optimally sized, best first (raw units, before gas)')
    .requiredOption('--pools <file>', 'JSON array of {dex, pair, token0, token1, reserve0, reserve1, symbol0?, symbol1?}, reserves as decimal strings of raw units')
    .option('--token <address|symbol>', "count profit only in this token: an address of the pools file, or a symbol it gives (e.g. WETH in the shipped data/dex file)")
    .option('--json', 'print one JSON object as the last line')
    .action((opts: { pools: string; token?: string; json?: boolean }) => {
      try {
        let text: string;
        try {
          text = readFileSync(opts.pools, 'utf8');
        } catch (cause) {
          throw new InputError(`${opts.pools}: cannot read pools file`, [(cause as Error).message]);
        }
        const pools = parsePoolsJson(text, opts.pools);
        const token = opts.token === undefined ? undefined : resolveToken(opts.token, pools, opts.pools);
        const opportunities = findOpportunities(pools, token);
        if (opts.json) {
          const body = { pools: pools.length, poolPairs: crossDexPairs(pools).length, opportunities: opportunities.map(toJson) };
          process.stdout.write(`${JSON.stringify(body)}\n`);
          return;
        }
        process.stdout.write(`${pools.length} pools, ${opportunities.length} opportunities (raw units, before gas)\n`);
        for (const o of opportunities) {
          process.stdout.write(`${o.buyPool.dex}:${o.buyPool.pair} -> ${o.sellPool.dex}:${o.sellPool.pair} in ${o.amountIn} out ${o.amountOut} profit ${o.profit} (${o.profitToken})\n`);
        }
      } catch (err) {
        if (err instanceof ArbiterError) {
          process.stderr.write(`arbiter quote dex: ${err.message}\n`);
          process.exit(2);
        }
        throw err;
      }
    });
}
