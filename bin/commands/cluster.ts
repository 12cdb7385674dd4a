import type { Command } from 'commander';
import { loadConfig, exitOnConfigError } from '../../config/index.js';
import { createLogger } from '../../actors/runtime/logger.js';
import { InputError } from '../../actors/runtime/errors.js';
import { StopSignals } from '../stop-signals.js';
import { positiveOption } from '../positive-option.js';
import { writeOut } from '../write-out.js';
import { progressBar } from '../progress.js';
import type { ClusterReport } from '../../supervisors/cluster/run-cluster.js';
import type { CommandAbout } from './index.js';


interface ClusterOptions {
  config?: string;
  nodes: number;
  duration: number;
  restartRedisAt?: number;
  speed: number;
  globalLimit: number;
  json?: boolean;
  verbose?: boolean;
}

export function register(program: Command, about: CommandAbout): void {
  program
    .command(about.name)
    .description(about.summary)
    .option('--config <file>', 'YAML config file handed to every node (paper.strategies: the candle strategies each strategy node trades)')
    .option('--nodes <n>', 'node processes: one owns the venues and the market, the others run strategies', positiveOption('--nodes', true), 3)
    .option('--duration <seconds>', 'how long the market runs', positiveOption('--duration'), 30)
    .option('--restart-redis-at <seconds>', "stop the cluster's Redis this many seconds in and start it again, empty (its own redis-server; the machine's is left alone)", positiveOption('--restart-redis-at'))
    .option('--speed <barsPerSecond>', 'bars the venue node publishes per second', positiveOption('--speed'), 50)
    .option('--global-limit <quote>', 'cluster.globalMaxPositionNotional for this run: the cap on one symbol\'s position across all nodes, tight by default so it binds', positiveOption('--global-limit'), 300)
    .option('--json', 'print the report as one line of JSON')
    .option('--verbose', "forward every node's log lines to stderr")
    .action(async (opts: ClusterOptions) => {
      let loaded;
      try {
        loaded = loadConfig({ file: opts.config });
      } catch (error) {
        exitOnConfigError(error);
      }
      const config = { ...loaded.config, cluster: { ...loaded.config.cluster, globalMaxPositionNotional: opts.globalLimit } };
      const logger = createLogger({ level: config.log.level, pretty: config.log.pretty });
      const stop = new StopSignals();
      let report: ClusterReport;
      try {
        const { runCluster } = await import('../../supervisors/cluster/run-cluster.js');
        report = await runCluster({
          config,
          configFile: opts.config,
          nodes: opts.nodes,
          durationS: opts.duration,
          restartRedisAtS: opts.restartRedisAt,
          speed: opts.speed,
          logger,
          signal: stop.signal,
          onSecond: process.stderr.isTTY === true && !opts.verbose ? progressBar('cluster, seconds', 1) : undefined,
          onNodeLine: opts.verbose ? (node, line) => process.stderr.write(`[${node}] ${line}\n`) : undefined,
        });
      } catch (error) {
        if (error instanceof Error && error.name === 'ClusterNodeError') {
          process.stderr.write(`arbiter cluster: ${error.message}\n`);
          process.exit(1);
        }
        if (!(error instanceof InputError)) throw error;
        process.stderr.write(`arbiter cluster: ${error.message}\n`);
        process.exit(2);
      }
      stop.dispose();
      await writeOut(opts.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
      process.exit(verdictFailed(report) ? 1 : 0);
    });
}

/** Anything lost, duplicated, untracked or unreconciled, or the cap passed, or a node that failed. */
export function verdictFailed(r: ClusterReport): boolean {
  return r.lost + r.duplicated + r.untrackedFills + r.unreconciled > 0 || r.peakGlobalExposure > r.globalLimit * (1 + 1e-9) || r.nodes.some((n) => n.exit !== 0);
}

function formatReport(r: ClusterReport): string {
  const rows = r.nodes.map((n) => `  ${n.id.padEnd(8)} ${n.role.padEnd(10)} pid ${String(n.pid).padEnd(7)} orders ${String(n.orders).padStart(5)}  fills ${String(n.fills).padStart(5)}  vetoes ${String(n.vetoes).padStart(5)} (GLOBAL_BUDGET ${n.globalBudgetVetoes})  exit ${n.exit}`);
  return [
    `cluster of ${r.nodes.length} processes, journals on PostgreSQL (${r.schemas.join(', ')})`,
    ...rows,
    `global limit ${r.globalLimit} per symbol: the largest cluster position an order was accepted at ${r.peakGlobalExposure.toFixed(2)} ` +
      `(${r.peakMarkedExposure.toFixed(2)} at the latest prices, sampled); GLOBAL_BUDGET vetoes ${r.globalBudgetVetoes}`,
    ...r.redisRestarts.map((x) => `redis restarted ${(x.atMs / 1000).toFixed(1)} s in (down ${x.downMs} ms, came back empty)`),
    `against the venue's own records: lost ${r.lost}, duplicated ${r.duplicated}, untracked fills ${r.untrackedFills}, unreconciled ${r.unreconciled}`,
    ...r.examples.map((e) => `  first ${e}`),
    verdictFailed(r) ? 'verdict: FAILED' : 'verdict: nothing lost or duplicated, the limit held',
  ].join('\n');
}
