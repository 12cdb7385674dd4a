import { test } from 'node:test';
import assert from 'node:assert/strict';
import { venueNodeHarness } from '../../support/venue-node-harness.js';
import { startStrategyNodeFor, startVenueNodeFor } from '../../../supervisors/cluster/venue-node-for.js';
import { accountVenueId } from '../../../supervisors/cluster/cluster-keys.js';

const MARKET_S = 14;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

test('the universe family on a strategy node trades its account at the venue node over the link, across a SIGKILL and restart: the journal matches the venue\'s records', async () => {
  let opened!: () => void;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const h = await venueNodeHarness('universe-node', 'paper:\n  strategies: [quantum-portfolio]\n', (node, line) => {
    if (node === 'venues' && line.includes('the market opens')) opened();
  }, { universe: true });
  const venue = startVenueNodeFor({ ...h.common, serve: ['bot'], durationS: MARKET_S });
  const startBot = () => startStrategyNodeFor({ ...h.common, node: 'bot', dbFile: h.dbFile, durationS: MARKET_S + 60 });
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
    const { orders, verdict, counts } = await h.verdict(venue);
    console.log(JSON.stringify({ ...counts, ...verdict }));
    assert.ok(orders.length > 0, 'the universe family traded at the venue node');
    assert.ok(orders.every((o) => o.fills.every((f) => f.venue === accountVenueId('quantum_trading', 'bot'))), 'on its account there');
    assert.ok(h.lines.some((l) => l.startsWith('bot: ') && l.includes('cluster link: the universe ended')), 'the restarted run read the universe to its end');
    assert.equal(summary.bars, 0, 'no candle market: only the universe');
  } catch (err) {
    console.error(h.lines.slice(-60).join('\n'));
    throw err;
  } finally {
    await h.close(bot, venue);
  }
});
