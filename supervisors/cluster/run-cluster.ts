import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import { GlobalBudget } from '../../actors/risk/global-budget/global-budget.js';
import { startOwnRedis } from './own-redis.js';
import { startNodeProcess, type NodeProcess } from './node-process.js';
import { compareWithVenues, type VenueLog } from './compare-with-venues.js';
import { dropSchemas, readNodeJournal } from './read-node-journal.js';
import { clusterNodeIds, nodeSchema } from './node-ids.js';
import { InputError } from '../../actors/runtime/errors.js';
import { envNameOf } from '../../config/introspect.js';
import { shownUrl } from '../../actors/runtime/shown-url.js';

/** A node process ended without its summary: the cluster's report cannot be made. */
export class ClusterNodeError extends Error {
  override name = 'ClusterNodeError';
}

export interface ClusterRunOptions {
  config: Config;
  /** The user's --config file, handed to every node. */
  configFile?: string;
  /** Processes: one owns the venues and the market data, the others run strategies. */
  nodes: number;
  durationS: number;
  /** Seconds after the strategy nodes start: the cluster's Redis is stopped and started again, empty. */
  restartRedisAtS?: number;
  /** Replay speed of the venue node (bars per second). */
  speed?: number;
  logger: Logger;
  /** Whole seconds since the nodes started, out of durationS, once a second. */
  onSecond?: (elapsedS: number, durationS: number) => void;
  /** Each node's stderr, line by line. */
  onNodeLine?: (node: string, line: string) => void;
  signal?: AbortSignal;
}

export interface ClusterNodeReport {
  id: string;
  role: 'venues' | 'strategies';
  pid: number;
  exit: number | null;
  orders: number;
  fills: number;
  vetoes: number;
  globalBudgetVetoes: number;
}

export interface ClusterReport {
  nodes: ClusterNodeReport[];
  /** cluster.globalMaxPositionNotional: the cap on one symbol's position across every node (quote currency). */
  globalLimit: number;
  /**
   * The largest cluster position on any symbol (filled plus reserved, at the order's price) at which any node's
   * reservation was accepted: what the limit governs, from every acceptance, not sampled.
   */
  peakGlobalExposure: number;
  /** The same position valued at the budget's latest price, sampled every 50 ms: prices move after an order is accepted, so this may pass the limit without any order doing so. */
  peakMarkedExposure: number;
  globalBudgetVetoes: number;
  lost: number;
  duplicated: number;
  untrackedFills: number;
  unreconciled: number;
  redisRestarts: { atMs: number; downMs: number }[];
  journal: 'postgres';
  schemas: string[];
  examples: string[];
}

interface NodeSummaryShape {
  orders?: number;
  fills?: number;
  vetoes?: number;
  vetoReasons?: Record<string, number>;
  venueLogs?: VenueLog[];
  cluster?: { acceptedPeaks?: Record<string, number> };
}

const SAMPLE_MS = 50;
/** How much longer than the market a strategy node may run if the venue node's `end` never reaches it. */
const BACKSTOP_S = 60;

/**
 * Runs a cluster on this machine: a redis-server of its own (the machine's shared one is left alone), one venue node
 * and N−1 strategy nodes journaling to PostgreSQL, each in its own schema. Optionally restarts that Redis mid-run.
 * At the end each node's journal is compared with the venue's own records of that node's account.
 */
export async function runCluster(o: ClusterRunOptions): Promise<ClusterReport> {
  if (o.nodes < 2) throw new InputError(`--nodes must be at least 2 (one venue node and one strategy node), got ${o.nodes}`);
  if (o.restartRedisAtS !== undefined && o.restartRedisAtS >= o.durationS) throw new InputError(`--restart-redis-at ${o.restartRedisAtS} must be before the end of --duration ${o.durationS}`);
  const { venueNode, strategyNodes } = clusterNodeIds(o.nodes);
  const pgUrl = o.config.storage.postgres.url;
  const schemas = strategyNodes.map((id) => nodeSchema(o.config.storage.postgres.schema, id));
  try {
    await dropSchemas(pgUrl, schemas);
  } catch (err) {
    throw new InputError(`storage.postgres.url: the cluster journals to PostgreSQL at ${shownUrl(pgUrl)} (${(err as Error).message})`);
  }
  const redis = await startOwnRedis();
  const watcher = new Redis(redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => 20, lazyConnect: true });
  watcher.on('error', () => {});
  const nodes: NodeProcess[] = [];
  const restarts: ClusterReport['redisRestarts'] = [];
  let peak = 0;
  let sampler: NodeJS.Timeout | undefined;
  try {
    await watcher.connect();
    const budget = new GlobalBudget(watcher, o.config.cluster);
    const env = (id: string, schema?: string): Record<string, string> => ({
      [envNameOf(['redis', 'url'])]: redis.url,
      [envNameOf(['storage', 'driver'])]: 'postgres',
      ...(schema ? { [envNameOf(['storage', 'postgres', 'schema'])]: schema } : {}),
      [envNameOf(['cluster', 'nodeId'])]: id,
      [envNameOf(['cluster', 'globalMaxPositionNotional'])]: String(o.config.cluster.globalMaxPositionNotional),
    });
    const common = [...(o.configFile ? ['--config', o.configFile] : []), '--cluster', '--json'];
    // The venue node runs the market for durationS once every strategy node is ready, then tells them it ended; it
    // answers their cancels until each says it is done. Their own --duration is only a backstop.
    nodes.push(
      startNodeProcess(venueNode, 'venues', [...common, '--node', venueNode, '--role', 'venues', '--serve', strategyNodes.join(','), '--duration', String(o.durationS), ...(o.speed ? ['--speed', String(o.speed)] : [])], env(venueNode), o.onNodeLine),
    );
    for (const [i, id] of strategyNodes.entries()) {
      nodes.push(startNodeProcess(id, 'strategies', [...common, '--node', id, '--role', 'strategies', '--duration', String(o.durationS + BACKSTOP_S)], env(id, schemas[i]), o.onNodeLine));
    }
    const started = performance.now();
    sampler = setInterval(() => {
      budget
        .snapshot()
        .then((s) => {
          for (const e of Object.values(s.symbols)) peak = Math.max(peak, e.exposure);
        })
        .catch(() => {});
    }, SAMPLE_MS);
    const ticker = setInterval(() => o.onSecond?.(Math.min(o.durationS, Math.floor((performance.now() - started) / 1000)), o.durationS), 1_000);
    const abort = () => nodes.forEach((n) => n.child.kill('SIGINT'));
    o.signal?.addEventListener('abort', abort, { once: true });
    if (o.restartRedisAtS !== undefined) {
      const wait = o.restartRedisAtS * 1000 - (performance.now() - started);
      await Promise.race([sleep(wait), Promise.all(nodes.map((n) => n.exited))]);
      const t0 = performance.now();
      await redis.restart();
      restarts.push({ atMs: Math.round(t0 - started), downMs: Math.round(performance.now() - t0) });
      o.logger.info({ url: redis.url, downMs: restarts.at(-1)!.downMs }, 'cluster redis restarted (empty)');
    }
    const exits = await Promise.all(nodes.map((n) => n.exited));
    clearInterval(ticker);
    o.signal?.removeEventListener('abort', abort);
    clearInterval(sampler);
    sampler = undefined;

    const reports: ClusterNodeReport[] = [];
    let accepted = 0;
    let venueLogs: VenueLog[] = [];
    for (const [i, node] of nodes.entries()) {
      const exit = exits[i]!;
      const s = (exit.summary ?? {}) as NodeSummaryShape;
      if (exit.summary === undefined) throw new ClusterNodeError(`cluster node ${node.id} (pid ${node.pid}) ended with ${exit.status ?? exit.signal} and no summary:\n${exit.stderrTail}`);
      if (node.role === 'venues') venueLogs = s.venueLogs ?? [];
      for (const peakOf of Object.values(s.cluster?.acceptedPeaks ?? {})) accepted = Math.max(accepted, peakOf);
      reports.push({
        id: node.id, role: node.role as ClusterNodeReport['role'], pid: node.pid, exit: exit.status,
        orders: s.orders ?? 0, fills: s.fills ?? 0, vetoes: s.vetoes ?? 0, globalBudgetVetoes: s.vetoReasons?.['GLOBAL_BUDGET'] ?? 0,
      });
    }
    const journals = await Promise.all(strategyNodes.map((id, i) => readNodeJournal(pgUrl, schemas[i]!, id)));
    const verdict = compareWithVenues(journals, venueLogs);
    return {
      nodes: reports,
      globalLimit: o.config.cluster.globalMaxPositionNotional,
      peakGlobalExposure: accepted,
      peakMarkedExposure: peak,
      globalBudgetVetoes: reports.reduce((n, r) => n + r.globalBudgetVetoes, 0),
      lost: verdict.lost,
      duplicated: verdict.duplicated,
      untrackedFills: verdict.untrackedFills,
      unreconciled: verdict.unreconciled,
      redisRestarts: restarts,
      journal: 'postgres',
      schemas,
      examples: verdict.examples,
    };
  } finally {
    if (sampler) clearInterval(sampler);
    for (const n of nodes) if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGKILL');
    watcher.disconnect();
    await redis.stop();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
