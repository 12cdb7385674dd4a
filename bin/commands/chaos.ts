import type { Command } from 'commander';
import { loadConfig, exitOnConfigError } from '../../config/index.js';
import { createLogger } from '../../actors/runtime/logger.js';
import { InputError } from '../../actors/runtime/errors.js';
import { StopSignals } from '../stop-signals.js';
import { positiveOption } from '../positive-option.js';
import { writeOut } from '../write-out.js';
import { progressBar } from '../progress.js';
import { FAULT_KINDS, parseFaults } from '../../supervisors/chaos/fault-kinds.js';
import type { ChaosReport } from '../../supervisors/chaos/run-chaos.js';
import type { CommandAbout } from './index.js';

interface ChaosCliOptions {
  config?: string;
  duration: number;
  barsPerSecond: number;
  killRate: number;
  sigkillEvery: number;
  faults: string;
  seed: number;
  db?: string;
  json?: boolean;
  verbose?: boolean;
}

function nonNegative(flag: string) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) {
      process.stderr.write(`arbiter chaos: ${flag} must be a number ≥ 0, got "${raw}"\n`);
      process.exit(2);
    }
    return n;
  };
}

export function register(program: Command, about: CommandAbout): void {
  program
    .command(about.name)
    .description(about.summary)
    .option('--config <file>', 'YAML config file of the session under test (paper.strategies: the families to run; those whose venues are hosted here run)')
    .option('--duration <seconds>', 'how long the whole run lasts', positiveOption('--duration'), 60)
    .option('--bars-per-second <n>', "the most bars a second the venue node replays the recorded market at, for the candle and universe families (a bot reading a bar more than two bars' time after it was sent reports that market stale, and risk vetoes trading on it)", positiveOption('--bars-per-second'), 20)
    .option('--kill-rate <perSecond>', 'actor kills per second inside the bot (strategies, risk, execution, ledger, market connections), through their supervisors; 0 = none', nonNegative('--kill-rate'), 10)
    .option('--sigkill-every <seconds>', 'mean seconds from a run starting to trade to its SIGKILL (each uniform in 0.5–1.5 ×); the bot restarts on the same journal; 0 = never', nonNegative('--sigkill-every'), 8)
    .option('--faults <list>', `faults to inject, comma-separated, or all / none: ${FAULT_KINDS.join(', ')}`, 'all')
    .option('--seed <n>', 'seed of the kills, the SIGKILL moments and the faults', (raw) => Math.trunc(nonNegative('--seed')(raw)), 1)
    .option('--db <file>', "the bot's SQLite journal (default: a new file in a temporary directory, named in the report)")
    .option('--json', 'print the report as one line of JSON')
    .option('--verbose', "forward the bot's log lines to stderr")
    .action(async (opts: ChaosCliOptions) => {
      let loaded;
      try {
        loaded = loadConfig({ file: opts.config });
      } catch (error) {
        exitOnConfigError(error);
      }
      const config = loaded.config;
      const logger = createLogger({ level: config.log.level, pretty: config.log.pretty });
      const stop = new StopSignals();
      let report: ChaosReport;
      try {
        const faults = parseFaults(opts.faults);
        const { runChaos } = await import('../../supervisors/chaos/run-chaos.js');
        report = await runChaos({
          config,
          configFile: opts.config,
          durationS: opts.duration,
          barsPerSecond: opts.barsPerSecond,
          killRate: opts.killRate,
          sigkillEveryS: opts.sigkillEvery,
          faults,
          seed: opts.seed,
          dbFile: opts.db,
          logger,
          signal: stop.signal,
          onSecond: process.stderr.isTTY === true && !opts.verbose ? progressBar('chaos, seconds', 1) : undefined,
          onBotLine: opts.verbose ? (line) => process.stderr.write(`[bot] ${line}\n`) : undefined,
        });
      } catch (error) {
        // A run that could not finish (a venue node that gave up, a chain that died) is a failed run, said in one line;
        // --verbose shows where it came from.
        if (!(error instanceof InputError) && opts.verbose) throw error;
        process.stderr.write(`arbiter chaos: ${error instanceof InputError ? '' : 'the run could not finish: '}${(error as Error).message}\n`);
        process.exit(error instanceof InputError ? 2 : 1);
      }
      stop.dispose();
      const { chaosFailed } = await import('../../supervisors/chaos/run-chaos.js');
      await writeOut(opts.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
      if (chaosFailed(report) && report.firstOffence) process.stderr.write(`first offending order:\n${JSON.stringify(report.firstOffence, null, 2)}\n`);
      process.exit(chaosFailed(report) ? 1 : 0);
    });
}

function formatReport(r: ChaosReport): string {
  const faults = Object.entries(r.byFault).map(([k, n]) => `${k} ${n}`).join(', ');
  const lastExit = r.runs.at(-1);
  return [
    `chaos for ${r.durationS} s (seed ${r.seed}) on ${r.families.join(', ')}; journal ${r.journal}`,
    ...r.notUnderChaos.map((x) => `  not under chaos: ${x.family}: ${x.why}`),
    `bot runs ${r.runs.length} (SIGKILLed ${r.processKills}; the last ended ${lastExit?.signal ?? `with exit ${lastExit?.exit}`}); actors killed ${r.actorKills}, actor restarts journaled ${r.restarts}`,
    `faults seen to act: ${faults || 'none asked for'}`,
    `the venues' own records: ${r.orders} orders, ${r.fills} fills`,
    `against the journal: lost ${r.lost}, duplicated ${r.duplicated}, untracked fills ${r.untrackedFills}, unreconciled ${r.unreconciled}; limit breaches ${r.limitBreaches}`,
    ...r.examples.map((e) => `  first ${e}`),
    `verdict: ${chaosVerdictText(r)}`,
  ].join('\n');
}

function chaosVerdictText(r: ChaosReport): string {
  const bad = r.lost + r.duplicated + r.untrackedFills + r.limitBreaches + r.unreconciled;
  if (bad > 0) return 'FAILED';
  if (r.runs.at(-1)?.exit !== 0) return `FAILED: the last run did not stop cleanly (${r.runs.at(-1)?.signal ?? r.runs.at(-1)?.exit})`;
  return 'nothing lost, duplicated or untracked; no limit breached';
}
