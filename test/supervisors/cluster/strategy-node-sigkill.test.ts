import { test } from 'node:test';
import assert from 'node:assert/strict';
import { venueNodeHarness } from '../../support/venue-node-harness.js';
import { startStrategyNodeFor, startVenueNodeFor } from '../../../supervisors/cluster/venue-node-for.js';
import { SESSION_STARTING } from '../../../supervisors/session-starting.js';

const MARKET_S = 24;
const sleep = (ms: number) => new Promise<'slept'>((resolve) => setTimeout(() => resolve('slept'), ms));

test('a strategy node SIGKILLed every 3-5 s, and once after the market ended, restarted on the same SQLite journal while the venue node runs on: its journal matches the venue\'s records', async () => {
  let marketEnded!: () => void;
  let opened = 0;
  const ended = new Promise<'ended'>((resolve) => (marketEnded = () => resolve('ended')));
  let runTrades: () => void = () => {};
  let trading = new Promise<void>((resolve) => (runTrades = resolve));
  let venueEnded!: () => void;
  const published = new Promise<'ended'>((resolve) => (venueEnded = () => resolve('ended')));
  // Market making (limit orders resting across the kills) and sma-cross (market orders, a long/flat strategy's intent ids).
  const h = await venueNodeHarness('sigkill', 'paper:\n  strategies: [market-making, sma-cross]\nstrategies:\n  smaCross:\n    fraction: 0.05\n', (node, line) => {
    if (node === 'venues' && line.includes('the market opens')) opened = performance.now();
    if (node === 'venues' && line.includes('venue node: the market ended')) venueEnded();
    if (node === 'bot' && line.includes(SESSION_STARTING)) runTrades();
    if (node === 'bot' && /cluster link: (the market ended|an earlier run of this node already read the end)/.test(line)) marketEnded();
  });
  const venue = startVenueNodeFor({ ...h.common, serve: ['bot'], durationS: MARKET_S, speed: 50 });
  const startBot = () => startStrategyNodeFor({ ...h.common, node: 'bot', dbFile: h.dbFile, durationS: MARKET_S + 60 });
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
    const { journal, orders, verdict, counts } = await h.verdict(venue);
    const measured = { kills, endReadAfterS: Math.round(endReadAfterS * 10) / 10, ...counts, smaCrossOrders: orders.filter((o) => o.clientOrderId.startsWith('sma-cross')).length, smaSessions: new Set(journal.intents.filter((i) => i.intentId.startsWith('sma-cross-')).map((i) => i.intentId.split('-')[2])).size, ...verdict };
    console.log(JSON.stringify(measured));
    assert.ok(kills >= 2, `killed ${kills} times`);
    assert.ok(orders.length > 0, 'the bot traded');
    // The venue outlived every run: an order it never saw was never placed (rejected), not lost with a process.
    assert.deepEqual(journal.orders.filter((o) => o.status === 'lost'), []);
    // Each run's intents are its own (`sma-cross-<session>-<n>`): a restart counting from 1 again would send old ids,
    // which the venue answers with the old orders (one order per clientOrderId), and the strategy would trade blind.
    const smaSessions = new Set(journal.intents.filter((i) => i.intentId.startsWith('sma-cross-')).map((i) => /^sma-cross-([a-z0-9]+)-\d+$/.exec(i.intentId)?.[1]));
    assert.ok(smaSessions.size >= 1 && !smaSessions.has(undefined), `sma-cross intents of sessions ${[...smaSessions].join(', ')}`);
  } catch (err) {
    console.error(h.lines.slice(-60).join('\n'));
    throw err;
  } finally {
    await h.close(bot, venue);
  }
});
