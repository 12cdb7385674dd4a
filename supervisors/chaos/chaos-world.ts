import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import { envNameOf } from '../../config/introspect.js';
import type { Clock } from '../../actors/runtime/clock.js';
import type { FamilyPlan } from '../session-plan.js';
import type { NodeProcess } from '../cluster/node-process.js';
import type { VenueLog } from '../cluster/compare-with-venues.js';
import { startOwnRedis, type OwnRedis } from '../cluster/own-redis.js';
import { loadCandles } from '../../actors/market-data/candles/load-candles.js';
import { startVenueNodeFor, venueLogsOf } from '../cluster/venue-node-for.js';
import { hostExchangeWorld, type ExchangeWorld } from '../world/exchange-world.js';
import { hostChainWorld, type ChainWorld } from '../world/chain-world.js';
import type { WorldFile } from '../world/world-file.js';

/** The bot's id as a node of the candle families' venue node. */
export const BOT_NODE = 'bot';
const MARKET_ENDED = 'venue node: the market ended';

export interface ChaosWorld {
  exchanges?: ExchangeWorld;
  chain?: ChainWorld;
  /** The candle families' venue node (a process of its own) and its Redis. */
  venueNode?: NodeProcess;
  /** What the bot is started with to reach this world. */
  botArgs: string[];
  botEnv: Record<string, string>;
  /** With a venue node: its market has ended (the bot stops at once after; no more SIGKILLs). */
  marketEnded(): boolean;
  /** The venue node's own records of the bot's accounts, once it exited (after the bot said it is done). */
  venueLogs(): Promise<VenueLog[]>;
  close(): Promise<void>;
}

export interface ChaosWorldOptions {
  config: Config;
  configFile?: string;
  /** The families under chaos and the strategies the bot runs. */
  plans: FamilyPlan[];
  strategies: string[];
  durationS: number;
  /** The most bars a second the venue node replays. */
  barsPerSecond: number;
  /** Where the world file goes. */
  dir: string;
  clock: Clock;
  logger: Logger;
  onLine?: (line: string) => void;
}

/**
 * Every venue the bot's families trade on, hosted outside the bot so a SIGKILL leaves their records: the local
 * exchanges and the chain in this process, the candle families' paper accounts in a venue node process (with a
 * redis-server of its own) that replays the recording for `durationS` once the bot is ready.
 */
export async function hostChaosWorld(o: ChaosWorldOptions): Promise<ChaosWorld> {
  const on = (host: FamilyPlan['host']) => o.plans.some((p) => p.host === host);
  let exchanges: ExchangeWorld | undefined;
  let chain: ChainWorld | undefined;
  let redis: OwnRedis | undefined;
  let venueNode: NodeProcess | undefined;
  let ended = false;
  const close = async () => {
    if (venueNode && venueNode.child.exitCode === null && venueNode.child.signalCode === null) venueNode.child.kill('SIGKILL');
    await exchanges?.close();
    await chain?.close();
    await redis?.stop();
  };
  try {
    if (on('local-exchanges')) exchanges = await hostExchangeWorld(o.config.paper.localExchanges, o.clock);
    if (on('chain')) chain = await hostChainWorld({ settings: o.config.paper.chain, logger: o.logger });
    const worldFile = join(o.dir, 'world.json');
    writeFileSync(worldFile, JSON.stringify({ ...(exchanges ? { exchanges: exchanges.hosted.endpoints } : {}), ...(chain ? { chain: chain.world } : {}) } satisfies WorldFile));
    const botEnv: Record<string, string> = { [envNameOf(['paper', 'world'])]: worldFile, [envNameOf(['paper', 'strategies'])]: JSON.stringify(o.strategies) };
    const botArgs: string[] = [];
    if (on('candles') || on('universe')) {
      redis = await startOwnRedis();
      // The recording is paced to last the whole run, at most barsPerSecond: a bot that cannot keep up trades on prices
      // the venue has left behind. It reports a market stale while it reads bars sent more than two bars' time ago.
      const bars = loadCandles(o.config.replay.dataFile).candles.length;
      const speed = Math.min(bars / o.durationS, o.barsPerSecond);
      botEnv[envNameOf(['cluster', 'maxMarketLagMs'])] = String(Math.ceil((2 * 1000) / speed));
      venueNode = startVenueNodeFor({
        redisUrl: redis.url, serve: [BOT_NODE], durationS: o.durationS, speed, universe: on('universe'), configFile: o.configFile, env: { [envNameOf(['paper', 'strategies'])]: JSON.stringify(o.strategies) },
        onLine: (_, line) => {
          if (line.includes(MARKET_ENDED)) ended = true;
          o.onLine?.(`[venues] ${line}`);
        },
      });
      Object.assign(botEnv, { [envNameOf(['redis', 'url'])]: redis.url, [envNameOf(['cluster', 'nodeId'])]: BOT_NODE });
      botArgs.push('--cluster', '--node', BOT_NODE, '--role', 'strategies', ...(on('universe') ? ['--universe'] : []));
    }
    exchanges?.start();
    const node = venueNode;
    return {
      exchanges, chain, venueNode, botArgs, botEnv,
      marketEnded: () => ended,
      venueLogs: async () => (node ? venueLogsOf(node) : []),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

