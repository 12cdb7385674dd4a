import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { defaultConfig, type Config } from '../../../config/index.js';
import { runPaperSession } from '../../../supervisors/run-paper-session.js';

function run(config: Config) {
  const dbFile = join(mkdtempSync(join(tmpdir(), 'arbiter-chaos-session-')), 'session.db');
  const session = runPaperSession({
    config, logger: pino({ level: 'silent' }), dbFile, sessionId: 'chaos', dataFile: 'data/candles/BTC_USDT-1m-2021-02-19_week.json', speed: 500, durationMs: 1_000, inspect: false,
  });
  return { dbFile, session };
}

test('a paper session with chaos.killRate reports its kills, each journaled once as "killed: chaos <n>"; without it, no chaos', async () => {
  const base = defaultConfig();
  const config: Config = {
    ...base,
    paper: { ...base.paper, strategies: ['market-making'] },
    supervision: { ...base.supervision, maxRestarts: 1_000, withinMs: 1_000, backoffMinMs: 1, backoffMaxMs: 5 },
    chaos: { killRate: 20, seed: 5 },
  };
  const { dbFile, session } = run(config);
  const summary = await session;
  const kills = summary.chaos?.actorKills ?? 0;
  assert.ok(kills >= 5, `${kills} kills in 1 s at 20/s`);
  assert.equal(summary.riskState === 'HALTED', false);
  const db = new Database(dbFile, { readonly: true });
  const { n } = db.prepare("SELECT COUNT(DISTINCT error) AS n FROM actor_restarts WHERE error LIKE 'Error: killed: chaos %'").get() as { n: number };
  db.close();
  assert.equal(n, kills);

  const quiet = await run({ ...config, chaos: { killRate: 0, seed: 1 } }).session;
  assert.equal(quiet.chaos, undefined);
  assert.equal(quiet.restarts, 0);
});
