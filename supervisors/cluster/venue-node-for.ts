import { envNameOf } from '../../config/introspect.js';
import { startNodeProcess, type NodeProcess } from './node-process.js';
import type { VenueLog } from './compare-with-venues.js';

/** What every node of a harness's cluster is started with. */
export interface HarnessNodeOptions {
  /** The cluster's Redis (a startOwnRedis() of the harness: the cluster's stream keys carry no prefix). */
  redisUrl: string;
  /** The user's --config file, handed to every node. */
  configFile?: string;
  /** Recorded candles (--data); default replay.dataFile. The venue node replays them, a strategy node reads their timeframe and first bar. */
  dataFile?: string;
  /** More environment (ARBITER_* overrides), e.g. storage.postgres.schema for the venue node's market_candles. */
  env?: Record<string, string>;
  /** The CLI script to run (dist/bin/arbiter.js from a test); default: the way this process was started. */
  script?: string;
  /** The universe family trades on the venue node too (--universe), when paper.strategies lists it. */
  universe?: boolean;
  /** Each stderr line of the node. */
  onLine?: (node: string, line: string) => void;
}

export interface VenueNodeForOptions extends HarnessNodeOptions {
  /** The venue node's id. Default `venues`. */
  node?: string;
  /** The strategy nodes it keeps paper accounts for. */
  serve: readonly string[];
  /** Seconds the market runs once every served node said it is ready; then `end`, and it waits for each node's `done`. */
  durationS: number;
  /** Bars per second (--speed). */
  speed?: number;
}

export interface StrategyNodeForOptions extends HarnessNodeOptions {
  node: string;
  /** Its journal: a SQLite file, kept across restarts (--db). */
  dbFile: string;
  /** A backstop: the node stops at the venue node's `end`, or after this many seconds if it never comes. */
  durationS: number;
}

const env = (o: HarnessNodeOptions, node: string): Record<string, string> => ({
  [envNameOf(['redis', 'url'])]: o.redisUrl,
  [envNameOf(['cluster', 'nodeId'])]: node,
  ...o.env,
});

const common = (o: HarnessNodeOptions): string[] => [...(o.configFile ? ['--config', o.configFile] : []), ...(o.dataFile ? ['--data', o.dataFile] : []), '--cluster', '--json', ...(o.universe ? ['--universe'] : [])];

/**
 * The venue node of a harness: `arbiter run --cluster --role venues --serve <nodes>` holding one paper account per
 * served node and candle family. It outlives the strategy nodes' restarts: their orders and fills are its records.
 * Its venue logs come with its exit (venueLogsOf), after the market ended and every served node said it was done.
 */
export function startVenueNodeFor(o: VenueNodeForOptions): NodeProcess {
  const node = o.node ?? 'venues';
  const args = [...common(o), '--node', node, '--role', 'venues', '--serve', o.serve.join(','), '--duration', String(o.durationS), ...(o.speed ? ['--speed', String(o.speed)] : [])];
  return startNodeProcess(node, 'venues', args, env(o, node), o.onLine, o.script);
}

/**
 * One run of a strategy node: `arbiter run --cluster --role strategies --node <id> --db <file>`. SIGKILL it and start
 * it again with the same options: it reconciles its journal with its accounts at the venue node and trades on.
 */
export function startStrategyNodeFor(o: StrategyNodeForOptions): NodeProcess {
  const args = [...common(o), '--node', o.node, '--role', 'strategies', '--db', o.dbFile, '--duration', String(o.durationS)];
  return startNodeProcess(o.node, 'strategies', args, env(o, o.node), o.onLine, o.script);
}

/** The venue's own records of each served node's account, from the venue node's summary once it exited. */
export async function venueLogsOf(venue: NodeProcess): Promise<VenueLog[]> {
  const exit = await venue.exited;
  const logs = (exit.summary as { venueLogs?: VenueLog[] } | undefined)?.venueLogs;
  if (!logs) throw new Error(`venue node ${venue.id} (pid ${venue.pid}) ended with ${exit.status ?? exit.signal} and no summary:\n${exit.stderrTail}`);
  return logs;
}
