import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { spawnArbiter } from '../../support/arbiter-cli.js';
import { FAULT_KINDS } from '../../../supervisors/chaos/fault-kinds.js';
import type { ChaosReport } from '../../../supervisors/chaos/run-chaos.js';

test('arbiter chaos, CI-sized (60 s), the default session: actors killed, the bot SIGKILLed and restarted, every exchange and chain fault acting; every family traded and the venues\' records agree with the journal', async () => {
  // Every family of the default session. The quantum portfolio estimates on 20 steps, not 864: with a SIGKILL about
  // every 8 s, a run would rarely live long enough to warm up on three days of bars and trade. The exchanges open an
  // arbitrage window every second, not every 2.5 s: a create fault acts only on a create, and in a loaded suite a bot
  // restarted every 8 s met too few windows for both create timeouts to meet one. The market goes at 10 bars a
  // second, not 20: the bot may lag 200 ms before its markets are stale, and a loaded machine (two busy loops beside
  // the suite) kept it past 100 ms so long that every quantum order was vetoed as stale.
  const config = join(mkdtempSync(join(tmpdir(), 'arbiter-chaos-cmd-')), 'arbiter.yaml');
  writeFileSync(config, 'paper:\n  localExchanges:\n    windowEveryMs: 1000\nstrategies:\n  quantumPortfolio:\n    windowBars: 20\n    rebalanceBars: 10\n');
  const res = await spawnArbiter(['chaos', '--config', config, '--duration', '60', '--bars-per-second', '10', '--kill-rate', '10', '--sigkill-every', '8', '--seed', '3', '--json']);
  assert.equal(res.status, 0, `${res.stdout}\n${res.stderr.slice(-3000)}`);
  const r = JSON.parse(res.stdout.trim().split('\n').at(-1)!) as ChaosReport;
  assert.deepEqual(
    { lost: r.lost, duplicated: r.duplicated, untrackedFills: r.untrackedFills, limitBreaches: r.limitBreaches, unreconciled: r.unreconciled },
    { lost: 0, duplicated: 0, untrackedFills: 0, limitBreaches: 0, unreconciled: 0 },
    r.examples.join('\n'),
  );
  assert.deepEqual([...r.families].sort(), ['arbitrage', 'flash_loans', 'market_making', 'quantum_trading']);
  const db = new Database(r.journal, { readonly: true });
  const venues = (db.prepare('SELECT DISTINCT venue FROM orders').pluck().all() as string[]).sort();
  db.close();
  // The exchanges and the chain (arbitrage, flash loans), the venue node's accounts (market making, the quantum portfolio).
  for (const venue of ['chain:local', 'local-a', 'paper@bot', 'paper-quantum_trading@bot']) assert.ok(venues.includes(venue), `orders on ${venue}: ${venues.join(', ')}`);
  // About 10 a second while a run is up; a loaded machine spends more of the minute starting runs, so the floor is low.
  assert.ok(r.actorKills >= 30, `actors killed: ${r.actorKills}`);
  assert.ok(r.restarts >= r.actorKills, 'every kill restarted at least its victim, journaled');
  assert.ok(r.processKills >= 2, `SIGKILLs: ${r.processKills}`);
  assert.equal(r.runs.length, r.processKills + 1, 'each SIGKILL was followed by a restart on the same journal');
  assert.equal(r.runs.at(-1)!.exit, 0, 'the last run stopped cleanly');
  assert.ok(r.orders > 0 && r.fills > 0, `the bot traded through it all: ${r.orders} orders, ${r.fills} fills`);
  for (const kind of FAULT_KINDS) assert.ok((r.byFault[kind] ?? 0) > 0, `${kind} acted: ${JSON.stringify(r.byFault)}`);
  assert.ok(existsSync(r.journal));
});

test('arbiter chaos: an unknown fault is refused with exit 2, naming it', async () => {
  const res = await spawnArbiter(['chaos', '--faults', 'create-5xx-before,meteor-strike']);
  assert.equal(res.status, 2);
  assert.match(res.stderr, /--faults: unknown fault "meteor-strike"/);
  assert.doesNotMatch(res.stderr, /at .*\.js:\d+/);
});
