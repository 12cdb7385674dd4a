import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARBITER } from './arbiter-cli.js';
import { freshPgSchema } from './fresh-pg-schema.js';
import { startOwnRedis } from '../../supervisors/cluster/own-redis.js';
import { venueLogsOf, type HarnessNodeOptions } from '../../supervisors/cluster/venue-node-for.js';
import type { NodeProcess } from '../../supervisors/cluster/node-process.js';
import { readChaosJournal } from '../../supervisors/chaos/read-journal.js';
import { compareWithVenues } from '../../supervisors/cluster/compare-with-venues.js';
import { envNameOf } from '../../config/introspect.js';
import { TERMINAL_STATUSES } from '../../actors/ledger/storage/order-journal.js';

/**
 * A venue node and a strategy node `bot` of one test: a Redis of its own, a PostgreSQL schema for the venue node's
 * market, the config file, the bot's SQLite journal, and every node's stderr lines. The nodes may lag the market 5 s
 * before it is stale: a loaded suite can keep them past the default 1 s, and every order would be vetoed.
 */
export async function venueNodeHarness(name: string, configYaml: string, onLine: (node: string, line: string) => void, extra: Partial<HarnessNodeOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), `arbiter-${name}-`));
  const configFile = join(dir, 'arbiter.yaml');
  writeFileSync(configFile, configYaml);
  const market = freshPgSchema(name.replaceAll('-', '_'));
  const redis = await startOwnRedis();
  const lines: string[] = [];
  const common: HarnessNodeOptions = {
    ...extra,
    redisUrl: redis.url, configFile, script: ARBITER,
    env: { [envNameOf(['storage', 'postgres', 'schema'])]: market.db.schema, [envNameOf(['cluster', 'maxMarketLagMs'])]: '5000' },
    onLine: (node, line) => {
      lines.push(`${node}: ${line}`);
      onLine(node, line);
    },
  };
  const dbFile = join(dir, 'bot.db');
  return {
    common,
    dbFile,
    lines,
    /** The bot's journal against the venue node's records: nothing lost, duplicated, untracked or unreconciled; every journaled order ended; every journaled fill one the venue made. */
    async verdict(venue: NodeProcess) {
      const logs = await venueLogsOf(venue);
      const journal = readChaosJournal(dbFile).all('bot');
      const verdict = compareWithVenues([journal], logs);
      const orders = logs[0]!.orders;
      const counts = { venueOrders: orders.length, venueFills: orders.reduce((n, o) => n + o.fills.length, 0), journalOrders: journal.orders.length };
      assert.deepEqual([verdict.lost, verdict.duplicated, verdict.untrackedFills, verdict.unreconciled], [0, 0, 0, 0], verdict.examples.join('\n'));
      assert.deepEqual(journal.orders.filter((o) => !(TERMINAL_STATUSES as readonly string[]).includes(o.status)), []);
      const venueFills = new Set(orders.flatMap((o) => o.fills.map((f) => f.fillId)));
      assert.deepEqual(journal.fills.filter((f) => !venueFills.has(f.fillId)), []);
      return { journal, orders, verdict, counts };
    },
    async close(...nodes: NodeProcess[]) {
      for (const p of nodes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      await redis.stop();
      await market.drop();
    },
  };
}
