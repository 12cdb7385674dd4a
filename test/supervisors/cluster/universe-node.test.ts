import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARBITER } from '../../support/arbiter-cli.js';
import { freshPgSchema } from '../../support/fresh-pg-schema.js';
import { startOwnRedis } from '../../../supervisors/cluster/own-redis.js';
import { startStrategyNodeFor, startVenueNodeFor, venueLogsOf } from '../../../supervisors/cluster/venue-node-for.js';
import { readChaosJournal } from '../../../supervisors/chaos/read-journal.js';
import { compareWithVenues } from '../../../supervisors/cluster/compare-with-venues.js';
import { accountVenueId } from '../../../supervisors/cluster/cluster-keys.js';
import { envNameOf } from '../../../config/introspect.js';
import { TERMINAL_STATUSES } from '../../../actors/ledger/storage/order-journal.js';

const MARKET_S = 14;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

test('the universe family on a strategy node trades its account at the venue node over the link, across a SIGKILL and restart: the journal matches the venue\'s records', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-universe-node-'));
  const config = join(dir, 'arbiter.yaml');
  const market = freshPgSchema('universe_node');
  writeFileSync(config, 'paper:\n  strategies: [quantum-portfolio]\n');
  const redis = await startOwnRedis();
  const dbFile = join(dir, 'bot.db');
  const lines: string[] = [];
  let opened!: () => void;
  const open = new Promise<void>((resolve) => (opened = resolve));
  // A loaded suite can keep the node more than the default 1 s behind the market, and every order would be vetoed stale.
  const common = {
    redisUrl: redis.url, configFile: config, script: ARBITER, universe: true, env: { [envNameOf(['storage', 'postgres', 'schema'])]: market.db.schema, [envNameOf(['cluster', 'maxMarketLagMs'])]: '5000' },
    onLine: (node: string, line: string) => {
      lines.push(`${node}: ${line}`);
      if (node === 'venues' && line.includes('the market opens')) opened();
    },
  };
  const venue = startVenueNodeFor({ ...common, serve: ['bot'], durationS: MARKET_S });
  const startBot = () => startStrategyNodeFor({ ...common, node: 'bot', dbFile, durationS: MARKET_S + 60 });
  let bot = startBot();
  try {
    await open;
    await sleep(6_000);
    bot.child.kill('SIGKILL');
    const killed = await bot.exited;
    assert.equal(killed.signal, 'SIGKILL', `the first run ended before its kill: ${killed.status}\n${killed.stderrTail}`);
    bot = startBot();
    const last = await bot.exited;
    assert.equal(last.status, 0, last.stderrTail);
    const summary = last.summary as { strategies?: unknown; bars: number };
    const logs = await venueLogsOf(venue);
    const journal = readChaosJournal(dbFile).all('bot');
    const verdict = compareWithVenues([journal], logs);
    const orders = logs[0]!.orders;
    console.log(JSON.stringify({ venueOrders: orders.length, venueFills: orders.reduce((n, o) => n + o.fills.length, 0), journalOrders: journal.orders.length, ...verdict }));
    assert.ok(orders.length > 0, 'the universe family traded at the venue node');
    assert.ok(orders.every((o) => o.fills.every((f) => f.venue === accountVenueId('quantum_trading', 'bot'))), 'on its account there');
    assert.ok(lines.some((l) => l.startsWith('bot: ') && l.includes('cluster link: the universe ended')), 'the restarted run read the universe to its end');
    assert.equal(summary.bars, 0, 'no candle market: only the universe');
    assert.deepEqual([verdict.lost, verdict.duplicated, verdict.untrackedFills, verdict.unreconciled], [0, 0, 0, 0], verdict.examples.join('\n'));
    assert.deepEqual(journal.orders.filter((o) => !(TERMINAL_STATUSES as readonly string[]).includes(o.status)), []);
    const venueFills = new Set(orders.flatMap((o) => o.fills.map((f) => f.fillId)));
    assert.deepEqual(journal.fills.filter((f) => !venueFills.has(f.fillId)), []);
  } catch (err) {
    console.error(lines.slice(-60).join('\n'));
    throw err;
  } finally {
    for (const p of [bot, venue]) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await redis.stop();
    await market.drop();
  }
});
