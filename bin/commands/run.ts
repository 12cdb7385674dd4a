import { Command, InvalidArgumentError } from 'commander';
import { loadConfig, exitOnConfigError } from '../../config/index.js';
import { createLogger } from '../../actors/runtime/logger.js';
import type { SessionSummary } from '../../supervisors/paper-session-summary.js';
import type { LiveSessionSummary } from '../../supervisors/live-session.js';
import { InputError } from '../../actors/runtime/errors.js';
import { progressBar } from '../progress.js';
import { StopSignals } from '../stop-signals.js';
import { positiveOption } from '../positive-option.js';
import { checkDbFile } from '../../actors/ledger/storage/check-db-file.js';
import type { JournalLocation } from '../../actors/ledger/storage/open-journal.js';
import { checkOutputFile } from '../output-file.js';
import { choiceLines } from '../../actors/strategies/quantum-portfolio/choice-lines.js';
import type { LpHostSummary } from '../../supervisors/lp-host.js';
import type { ChoiceComparison } from '../../actors/strategies/quantum-portfolio/compare-choices.js';
import type { CommandAbout } from './index.js';
import type { Operator } from '../../supervisors/operator/operator.js';
import { writeOut } from '../write-out.js';
import type { VenueNodeSummary } from '../../supervisors/cluster/venue-node.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65_535) throw new InvalidArgumentError(`--metrics-port must be a port number (1-65535), got "${value}"`);
  return n;
}


export function register(program: Command, about: CommandAbout): void {
  program
    .command(about.name)
    .description(about.summary)
    .option('--config <file>', 'YAML config file; without it, defaults plus ARBITER_* environment overrides')
    .option('--duration <seconds>', 'stop after this many seconds of wall time (default: until the recording ends)', positiveOption('--duration'))
    .option('--db <file>', 'SQLite journal file, whatever storage.driver says (default: the journal storage names, storage.dbFile = arbiter.db)')
    .option('--data <file>', 'recorded candles to replay (default: replay.dataFile from config)')
    .option('--speed <barsPerSecond>', 'replay speed (default: replay.speed from config, 500)', positiveOption('--speed'))
    .option('--json', 'print a one-line JSON summary as the last line of stdout')
    .option('--report <file.html>', 'paper sessions: after the session, write a self-contained HTML report (families, equity per family, the allocator and its reallocations)')
    .option(
      '--inspect',
      'stream every machine to the Stately inspector: a relay on 127.0.0.1 serves a page that embeds Stately\'s web inspector ' +
        '(loaded from https://stately.ai) and hands it every event, message contents included, in your browser',
    )
    .option('--cluster', 'paper: run as one node of a cluster: the candle families\' approvals are held against the risk budget all nodes share in Redis (redis.url, cluster.*; docs/risk.md "Global budget"); this node\'s share is rebuilt from its journal at start and whenever Redis comes back (RELIABILITY R21)')
    .option('--node <id>', 'with --cluster: this node\'s id (default cluster.nodeId, node-1); each node needs its own --db')
    .option(
      '--role <role>',
      'with --cluster: `venues` owns the paper accounts and replays the market to the others over Redis Streams (journals nothing: it is the venue); ' +
        '`strategies` trades the candle families on its accounts there (docs/cluster.md). Without it, each node replays its own recording',
      (value: string) => {
        if (value !== 'venues' && value !== 'strategies') throw new InvalidArgumentError(`--role must be venues or strategies, got "${value}"`);
        return value;
      },
    )
    .option('--serve <nodes>', 'with --role venues: the strategy nodes it keeps accounts for, comma-separated (e.g. node-1,node-2)')
    .option(
      '--universe',
      'with --role: the universe family (quantum-portfolio on replay.universe) trades on the venue node too, when paper.strategies lists it: the venue node keeps its accounts and replays its steps over the same span as the candle market (arbiter chaos uses it); without it a cluster leaves that family off',
    )
    .option(
      '--metrics-port <port>',
      'serve the operator endpoints (Prometheus /metrics, /health, /ready) on this port of operator.host (default 127.0.0.1) for this run (docs/operations.md)',
      port,
    )
    .option(
      '--live',
      'trade config live.strategy (default market-making) live on live.exchange / live.symbol through ccxt, with API keys from the environment or .env ' +
        '(e.g. BINANCE_API_KEY, BINANCE_SECRET); --data, --speed and --inspect do not apply',
    )
    .action(async (opts: RunOptions) => {
      let loaded;
      try {
        loaded = loadConfig({ file: opts.config });
      } catch (error) {
        exitOnConfigError(error);
      }
      const { secrets } = loaded;
      const config = opts.node ? { ...loaded.config, cluster: { ...loaded.config.cluster, nodeId: opts.node } } : loaded.config;
      if (opts.node && !opts.cluster) {
        process.stderr.write('arbiter run: --node names a cluster node; add --cluster (or drop --node).\n');
        process.exit(2);
      }
      if (opts.cluster && opts.live) {
        process.stderr.write('arbiter run: --cluster is for paper sessions for now; a live session runs alone (drop --cluster or --live). Nothing was sent.\n');
        process.exit(2);
      }
      if ((opts.role || opts.serve) && !opts.cluster) {
        process.stderr.write('arbiter run: --role and --serve are for cluster nodes; add --cluster.\n');
        process.exit(2);
      }
      if (opts.universe && !opts.role) {
        process.stderr.write('arbiter run: --universe is for cluster nodes with a --role (venues or strategies); add --cluster --role.\n');
        process.exit(2);
      }
      if ((opts.role === 'venues') !== (opts.serve !== undefined)) {
        process.stderr.write('arbiter run: --role venues needs --serve <nodes> (the strategy nodes it keeps accounts for), and --serve needs --role venues.\n');
        process.exit(2);
      }
      const served = opts.serve?.split(',').map((id) => id.trim()) ?? [];
      const badServed = served.find((id) => !/^[A-Za-z0-9._:-]+$/.test(id));
      if (badServed !== undefined) {
        process.stderr.write(`arbiter run: --serve ${opts.serve}: "${badServed}" is not a node id (letters, digits and . _ : - only)\n`);
        process.exit(2);
      }
      if (opts.node && !/^[A-Za-z0-9._:-]+$/.test(opts.node)) {
        process.stderr.write(`arbiter run: --node ${opts.node}: letters, digits and . _ : - only\n`);
        process.exit(2);
      }
      if (config.mode === 'live' && !opts.live) {
        process.stderr.write('arbiter run: the config says mode: live; live trading needs the explicit --live flag. Nothing was sent.\n');
        process.exit(2);
      }
      if (opts.report && opts.live) {
        process.stderr.write('arbiter run: --report is for paper sessions; a live session writes no report (drop --report or --live). Nothing was sent.\n');
        process.exit(2);
      }
      const logger = createLogger({ level: config.log.level, pretty: config.log.pretty, secretValues: Object.values(secrets).flatMap(valuesOf) });
      const dbFile = opts.db ?? config.storage.dbFile;
      // --db names a SQLite file whatever storage.driver says.
      const journal: JournalLocation = opts.db ? { driver: 'sqlite', dbFile: opts.db } : config.storage;
      const sessionId = Date.now().toString(36);
      const durationMs = opts.duration !== undefined ? opts.duration * 1000 : undefined;
      const stop = new StopSignals();
      const { signal } = stop;
      const onOpenOrders = (count: () => number) => {
        stop.openOrders = count;
      };
      let summary: SessionSummary | LiveSessionSummary | VenueNodeSummary;
      let operator: Operator | undefined;
      try {
        if (journal.driver === 'sqlite') checkDbFile(journal.dbFile);
        if (opts.report) checkOutputFile(opts.report, '--report');
        if (config.operator.enabled || opts.metricsPort !== undefined) {
          const { startOperator } = await import('../../supervisors/operator/operator.js');
          operator = await startOperator({ ...config.operator, port: opts.metricsPort ?? config.operator.port }, logger);
        }
        const probe = operator?.probe;
        // The sessions (ccxt and all) are loaded here, not at the top, so the other commands start without them.
        await (await import('../../supervisors/redis-check.js')).requireRedis(config);
        summary = opts.role === 'venues'
          ? await (await import('../../supervisors/cluster/venue-node-process.js')).runVenueNodeProcess({
              config, logger, accounts: served, sessionId, dataFile: opts.data ?? config.replay.dataFile, speed: opts.speed ?? config.replay.speed, durationMs, signal, universe: opts.universe === true,
            })
          : opts.live
          ? await (await import('../../supervisors/live-session.js')).runLiveSession({ config, secrets, logger, dbFile, journal, sessionId, durationMs, signal, onOpenOrders, probe })
          : await (await import('../../supervisors/run-paper-session.js')).runPaperSession({
              config,
              logger,
              dbFile,
              journal,
              sessionId,
              dataFile: opts.data ?? config.replay.dataFile,
              speed: opts.speed ?? config.replay.speed,
              durationMs,
              inspect: opts.inspect ?? false,
              onProgress: process.stderr.isTTY === true ? progressBar('replay') : undefined,
              onInspector: (url) =>
                process.stderr.write(`inspector: open ${url} (the relay listens on 127.0.0.1 only; the page embeds Stately's web inspector, which receives every event in your browser)\n`),
              signal,
              onOpenOrders,
              cluster: opts.cluster === true,
              clusterRole: opts.role === 'strategies' ? 'strategies' : undefined,
              clusterUniverse: opts.universe === true,
              probe,
            });
        operator?.finished();
        if (opts.report && summary.mode === 'paper') {
          (await import('../../actors/ledger/report/write-session-report.js')).writeSessionReport(opts.report, summary, journal);
          process.stderr.write(`report written to ${opts.report}\n`);
        }
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        process.stderr.write(`arbiter run: ${error.message}\n`);
        process.exit(2);
      }
      stop.dispose();
      const written = writeOut(`${opts.json ? JSON.stringify(summary) : summary.mode === 'venues' ? formatVenueNode(summary) : formatSummary(summary)}\n`);
      await operator?.close();
      await written;
      process.exit(stop.exitCode());
    });
}

interface RunOptions {
  config?: string;
  duration?: number;
  db?: string;
  data?: string;
  speed?: number;
  json?: boolean;
  report?: string;
  inspect?: boolean;
  live?: boolean;
  cluster?: boolean;
  node?: string;
  role?: 'venues' | 'strategies';
  serve?: string;
  universe?: boolean;
  metricsPort?: number;
}

function valuesOf(value: unknown): string[] {
  if (typeof value === 'string') return value ? [value] : [];
  if (value && typeof value === 'object') return Object.values(value).flatMap(valuesOf);
  return [];
}

function formatVenueNode(s: VenueNodeSummary): string {
  return [
    `venue node ${s.node}: ${s.bars} bars published in ${s.wallSeconds.toFixed(1)} s${s.interrupted ? `; interrupted: ${s.interrupted}` : ''}`,
    `accounts ${s.accounts.join(', ')}: orders ${s.orders}, fills ${s.fills}`,
    `while Redis was away: ${s.undelivered.bars} bars not delivered, fills sent again ${s.undelivered.fillsRetried} time(s)`,
  ].join('\n');
}

function formatSummary(s: SessionSummary | LiveSessionSummary): string {
  const pnl = s.equityEnd - s.equityStart;
  const where = s.mode === 'live' ? `${s.exchange} ${s.symbol}: ${s.bars} closed bars in ${s.wallSeconds.toFixed(1)} s` : `${s.symbol}: ${s.bars} bars replayed in ${s.wallSeconds.toFixed(1)} s`;
  return [
    `${s.mode} session ${s.session} on ${where}${s.interrupted ? `; interrupted: ${s.interrupted}` : ''}`,
    `orders ${s.orders}, fills ${s.fills}, vetoes ${s.vetoes}${Object.keys(s.vetoReasons).length ? ` (${Object.entries(s.vetoReasons).map(([r, n]) => `${r} ${n}`).join(', ')})` : ''}`,
    `risk ${s.riskState}, restarts ${s.restarts}, dead letters ${s.deadLetters}${s.haltedBy ? `; ${s.haltedBy}` : ''}`,
    `reconciled from earlier runs: ${s.reconciled.settled} settled, ${s.reconciled.cancelled} cancelled, ${s.reconciled.lost} lost with the process, ${s.reconciled.unresolved} unresolved`,
    `equity ${s.equityStart.toFixed(2)} → ${s.equityEnd.toFixed(2)} (${pnl >= 0 ? '+' : ''}${pnl.toFixed(2)} measured${s.mode === 'live' ? '' : ' in simulation'}; not a forecast)`,
    ...familyLines(s),
    ...(s.mode === 'paper' ? [allocatorLine(s)] : []),
    ...(s.mode === 'paper' && s.cluster ? [clusterLine(s.cluster)] : []),
    ...(s.mode === 'paper' && s.chaos ? [`chaos: ${s.chaos.actorKills} actor(s) killed (journaled as restarts with error "Error: killed: chaos <n>")`] : []),
    ...(s.mode === 'live' ? [`orders still open at the exchange after the stop (then cancelled directly): ${s.openAtStop}`] : []),
    `journal: ${s.db}`,
  ].join('\n');
}

/** One line per family of `allocation`: what it traded, or why its capital sat idle. */
function familyLines(s: SessionSummary | LiveSessionSummary): string[] {
  return Object.entries(s.strategies).flatMap(([family, f]) => {
    const share = `${(f.share * 100).toFixed(0)}%`;
    if (!f.enabled) return [`  ${family} (${share}, ${f.capital.toFixed(2)} idle): off, ${f.disabledReason}${f.detail ? `: ${f.detail}` : ''}`];
    const lines = [
      `  ${family} (${share}): ${f.strategies.join(', ')}; capital ${f.capital.toFixed(2)}, orders ${f.orders}, fills ${f.fills}, vetoes ${f.vetoes}, P&L ${signed(f.pnl)}, risk ${f.riskState}${f.haltedBy ? ` (${f.haltedBy})` : ''}`,
    ];
    const outcomes = f['outcomes'] as Record<string, Record<string, number>> | undefined;
    for (const [strategy, byKind] of Object.entries(outcomes ?? {})) lines.push(`    ${strategy}: ${Object.entries(byKind).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    if (outcomes && Object.keys(outcomes).length === 0) lines.push('    no arbitrage window was traded');
    const chain = f['chain'] as Record<string, unknown> | undefined;
    if (chain) {
      lines.push(
        `    blocks ${String(chain['blocks'])}, opportunities ${String(chain['opportunities'])}, bundles sent ${String(chain['bundlesSent'])}, landed ${String(chain['bundlesLanded'])}; ` +
          `profit realized ${String(chain['realizedProfitWei'])} wei vs predicted ${String(chain['predictedProfitWei'])} wei, gas ${String(chain['gasSpentWei'])} wei`,
      );
    }
    const lp = f['lp'] as LpHostSummary | undefined;
    if (lp) {
      const exits = Object.entries(lp.byReason).map(([k, n]) => `${k} ${n}`).join(', ');
      lines.push(
        `    amm-lp on ${lp.venue}: ${lp.blocks.done} of ${lp.blocks.total} recorded blocks (to ${lp.recordedAt ?? '—'}; swapped $${Math.round(lp.volume.chainUsd).toLocaleString('en-US')} against $${Math.round(lp.volume.recordedUsd).toLocaleString('en-US')} recorded); positions ${lp.opened} (re-centres ${lp.recentres}${exits ? `; exits: ${exits}` : ''}), ` +
          `fees ${signed(lp.feesUsd)}, IL ${signed(lp.ilUsd)}, gas ${lp.gasUsd.toFixed(2)} at ${lp.gasPriceGwei} gwei, P&L ${signed(lp.pnlUsd)}${lp.opened === 0 && f.vetoReasons['MIN_PROFIT'] ? ` (none opened: risk vetoed ${f.vetoReasons['MIN_PROFIT']} entries, MIN_PROFIT: expected fees less LVR and gas under the 0.1% minimum)` : ''}`,
      );
    }
    const choices = f['choices'] as ChoiceComparison | undefined;
    const quote = f['quote'] as { currency: string; value: number; pnl: number } | undefined;
    if (quote) lines.push(`    in ${quote.currency}, counted at ${quote.value} each: P&L ${quote.pnl.toFixed(6)} ${quote.currency}`);
    if (choices && quote) lines.push(...choiceLines(choices, quote.pnl).map((l) => `    ${l}`));
    return lines;
  });
}

function clusterLine(c: NonNullable<SessionSummary['cluster']>): string {
  const symbols = Object.entries(c.budget.symbols).map(([symbol, e]) => `${symbol} filled ${e.filled}, exposure ${e.exposure.toFixed(2)}`).join('; ');
  return `cluster node ${c.node}: the shared budget (${c.keyPrefix}) holds gross ${c.budget.gross.toFixed(2)}${symbols ? `; ${symbols}` : ''}; ${c.budget.reservations} reservation(s) open`;
}

function allocatorLine(s: SessionSummary): string {
  const a = s.allocator;
  const weights = Object.entries(a.weights).map(([f, w]) => `${f} ${((w ?? 0) * 100).toFixed(1)}%`).join(', ');
  return `allocator ${a.enabled ? a.state : 'off'}: ${weights}; ${a.reallocations.length} reallocation(s); ${a.why}`;
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;
}
