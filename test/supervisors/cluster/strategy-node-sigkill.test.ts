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
import { envNameOf } from '../../../config/introspect.js';
import { TERMINAL_STATUSES } from '../../../actors/ledger/storage/order-journal.js';
import { SESSION_STARTING } from '../../../supervisors/session-starting.js';

const MARKET_S = 24;
const sleep = (ms: number) => new Promise<'slept'>((resolve) => setTimeout(() => resolve('slept'), ms));

test('a strategy node SIGKILLed every 3-5 s, and once after the market ended, restarted on the same SQLite journal while the venue node runs on: its journal matches the venue\'s records', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-sigkill-'));
  const config = join(dir, 'arbiter.yaml');
  const market = freshPgSchema('sigkill');
  // Market making (limit orders resting across the kills) and sma-cross (market orders, a long/flat strategy's intent ids).
  writeFileSync(config, 'paper:\n  strategies: [market-making, sma-cross]\nstrategies:\n  smaCross:\n    fraction: 0.05\n');
  const redis = await startOwnRedis();
  const dbFile = join(dir, 'bot.db');
  const lines: string[] = [];
  let marketEnded!: () => void;
  let opened = 0;
  const ended = new Promise<'ended'>((resolve) => (marketEnded = () => resolve('ended')));
  let runTrades: () => void = () => {};
  let trading = new Promise<void>((resolve) => (runTrades = resolve));
  let venueEnded!: () => void;
  const published = new Promise<'ended'>((resolve) => (venueEnded = () => resolve('ended')));
  const common = {
    // A restarted node reports the market stale while it reads bars sent over cluster.maxMarketLagMs ago; in a loaded
    // suite, at 50 bars a second, the default 1 s could keep sma-cross from trading at all between kills.
    redisUrl: redis.url, configFile: config, script: ARBITER, env: { [envNameOf(['storage', 'postgres', 'schema'])]: market.db.schema, [envNameOf(['cluster', 'maxMarketLagMs'])]: '5000' },
    onLine: (node: string, line: string) => {
      lines.push(`${node}: ${line}`);
      if (node === 'venues' && line.includes('the market opens')) opened = performance.now();
      if (node === 'venues' && line.includes('venue node: the market ended')) venueEnded();
      if (node === 'bot' && line.includes(SESSION_STARTING)) runTrades();
      if (node === 'bot' && /cluster link: (the market ended|an earlier run of this node already read the end)/.test(line)) marketEnded();
    },
  };
  const venue = startVenueNodeFor({ ...common, serve: ['bot'], durationS: MARKET_S, speed: 50 });
  const startBot = () => startStrategyNodeFor({ ...common, node: 'bot', dbFile, durationS: MARKET_S + 60 });
  let kills = 0;
  let bot = startBot();
  const kill = async () => {
    bot.child.kill('SIGKILL');
    const exit = await bot.exited;
    assert.equal(exit.signal, 'SIGKILL', `run ${kills + 1} of bot ended before its kill: ${exit.status}\n${exit.stderrTail}`);
    kills += 1;
    trading = new Promise<void>((resolve) => (runTrades = resolve));
    bot = startBot();
  };
  try {
    // A kill 3-5 s after each run started trading (not after its spawn: a loaded machine may take that long to start
    // one) while the market runs, then one right after a run read the market's end: the next run must learn the end
    // without it.
    while ((await Promise.race([published, trading.then(() => sleep(3_000 + Math.random() * 2_000))])) !== 'ended') await kill();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 60_000)));
    assert.equal(await Promise.race([ended, late]), 'ended', 'no run of bot read the end of the market within 60 s of its publication');
    clearTimeout(timer);
    const endReadAfterS = (performance.now() - opened) / 1000;
    await kill();
    const stopping = performance.now();
    const last = await bot.exited;
    assert.equal(last.status, 0, last.stderrTail);
    assert.ok(performance.now() - stopping < 20_000, 'the last run stopped at the end of the market, not at its --duration backstop');
    const logs = await venueLogsOf(venue);
    const journal = readChaosJournal(dbFile).all('bot');
    const verdict = compareWithVenues([journal], logs);
    const orders = logs[0]!.orders;
    const measured = { kills, endReadAfterS: Math.round(endReadAfterS * 10) / 10, venueOrders: orders.length, venueFills: orders.reduce((n, o) => n + o.fills.length, 0), smaCrossOrders: orders.filter((o) => o.clientOrderId.startsWith('sma-cross')).length, smaSessions: new Set(journal.intents.filter((i) => i.intentId.startsWith('sma-cross-')).map((i) => i.intentId.split('-')[2])).size, journalOrders: journal.orders.length, ...verdict };
    console.log(JSON.stringify(measured));
    assert.ok(kills >= 2, `killed ${kills} times`);
    assert.ok(orders.length > 0, 'the bot traded');
    assert.deepEqual([verdict.lost, verdict.duplicated, verdict.untrackedFills, verdict.unreconciled], [0, 0, 0, 0], verdict.examples.join('\n'));
    // The venue outlived every run: an order it never saw was never placed (rejected), not lost with a process.
    assert.deepEqual(journal.orders.filter((o) => o.status === 'lost'), []);
    // And the other way round: every journaled order ended, and every journaled fill is one the venue made.
    assert.deepEqual(journal.orders.filter((o) => !(TERMINAL_STATUSES as readonly string[]).includes(o.status)), []);
    const venueFills = new Set(orders.flatMap((o) => o.fills.map((f) => f.fillId)));
    assert.deepEqual(journal.fills.filter((f) => !venueFills.has(f.fillId)), []);
    // Each run's intents are its own (`sma-cross-<session>-<n>`): a restart counting from 1 again would send old ids,
    // which the venue answers with the old orders (one order per clientOrderId), and the strategy would trade blind.
    const smaSessions = new Set(journal.intents.filter((i) => i.intentId.startsWith('sma-cross-')).map((i) => /^sma-cross-([a-z0-9]+)-\d+$/.exec(i.intentId)?.[1]));
    assert.ok(smaSessions.size >= 1 && !smaSessions.has(undefined), `sma-cross intents of sessions ${[...smaSessions].join(', ')}`);
  } catch (err) {
    console.error(lines.slice(-60).join('\n'));
    throw err;
  } finally {
    for (const p of [bot, venue]) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await redis.stop();
    await market.drop();
  }
});
