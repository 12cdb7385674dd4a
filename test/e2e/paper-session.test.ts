import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { defaultConfig, type Config } from '../../config/index.js';
import { runPaperSession } from '../../supervisors/run-paper-session.js';
import type { SessionSummary } from '../../supervisors/paper-session-summary.js';

const dataFile = 'data/candles/BTC_USDT-1m-2021-02-19_week.json';

const MM_ACTORS = ['execution', 'ledger', 'patterns:BTC/USDT', 'risk', 'strategy:market-making', 'venue:paper'];
const ARB_ACTORS = [
  'connection:local-a:BNB/BTC', 'connection:local-a:BNB/ETH', 'connection:local-a:BNB/USDT', 'connection:local-a:BTC/USDT', 'connection:local-a:ETH/BTC',
  'connection:local-a:ETH/USDT', 'connection:local-b:BTC/USDT', 'connection:local-b:ETH/USDT', 'execution', 'ledger', 'risk', 'strategy:cross-exchange', 'strategy:triangular',
];

/** `paper.strategies` set to these (the all-families session, flash loans included, is test/e2e/all-families.test.ts). */
function only(strategies: string[], c: Config = defaultConfig()): Config {
  return { ...c, paper: { ...c.paper, strategies } };
}

/** Market making and CEX arbitrage, with only the windows a test opens itself: no timed windows, no random shocks. */
function quietArbitrage(): Config {
  const c = only(['market-making', 'triangular', 'cross-exchange']);
  return { ...c, paper: { ...c.paper, localExchanges: { ...c.paper.localExchanges, windowEveryMs: 0, shockChance: 0 } } };
}

type Report = Extract<SessionSummary['strategies'][keyof SessionSummary['strategies']], { enabled: true }>;
function traded(summary: SessionSummary, family: keyof SessionSummary['strategies']): Report {
  const f = summary.strategies[family];
  assert.ok(f.enabled, `${family} traded: ${JSON.stringify(f)}`);
  return f;
}

test('a paper session runs market making and both arbitrage strategies into one real SQLite journal that agrees with its summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-e2e-'));
  const dbFile = join(dir, 'session.db');
  const config = quietArbitrage();
  let forced: { venue: string; symbol: string } | undefined;
  const summary = await runPaperSession({
    config,
    logger: pino({ level: 'silent' }),
    dbFile,
    sessionId: 'first',
    dataFile,
    speed: Number.POSITIVE_INFINITY,
    durationMs: 4_000,
    inspect: false,
    // One cross-exchange window, forced: local-b's BTC/USDT drops 0.8% for one book move.
    onArbitrage: (arbitrage) => {
      forced = { venue: 'local-b', symbol: 'BTCUSDT' };
      arbitrage.windows!.open({ kind: 'cross', ...forced }, -0.008);
    },
  });
  assert.ok(forced, 'the arbitrage family went live and exposed its venues');
  assert.equal(summary.mode, 'paper');
  assert.ok(summary.bars > 50, `replayed ${summary.bars} bars`);
  const mm = traded(summary, 'market_making');
  const arb = traded(summary, 'arbitrage');
  assert.deepEqual([...arb.strategies].sort(), ['cross-exchange', 'triangular']);
  for (const family of ['flash_loans', 'ai_trading', 'quantum_trading'] as const) assert.equal(summary.strategies[family].enabled, false, `${family} is listed, off`);
  assert.ok(mm.orders > 0 && mm.fills > 0, 'market making quotes and fills');
  assert.deepEqual([...mm.actors].sort(), MM_ACTORS);
  assert.deepEqual([...arb.actors].sort(), ARB_ACTORS);
  assert.deepEqual([...summary.actors].sort(), [...MM_ACTORS.map((a) => `market_making/${a}`), ...ARB_ACTORS.map((a) => `arbitrage/${a}`)].sort());
  assert.equal(arb['live'], true, 'every local market went live');
  assert.equal(mm.capital, config.capital * config.allocation.market_making);
  assert.equal(arb.capital, config.capital * config.allocation.arbitrage);
  const outcomesByStrategy = arb['outcomes'] as Record<string, Record<string, number>>;
  const crossOutcomes = Object.values(outcomesByStrategy['cross-exchange'] ?? {}).reduce((a, b) => a + b, 0);
  assert.ok(crossOutcomes >= 1, `the forced window was traded: ${JSON.stringify(arb.outcomes)}`);
  assert.ok(arb.orders >= 2 && arb.fills >= 2, `arbitrage orders ${arb.orders}, fills ${arb.fills}`);
  assert.equal(summary.orders, mm.orders + arb.orders, 'totals are over both families');
  assert.equal(summary.fills, mm.fills + arb.fills);
  assert.equal(summary.vetoes, mm.vetoes + arb.vetoes);
  assert.ok(Math.abs(summary.equityEnd - summary.equityStart - (mm.equityEnd - mm.equityStart + (arb.equityEnd - arb.equityStart))) < 1e-6);
  assert.equal(summary.restarts, 0);
  assert.equal(summary.deadLetters, 0);

  const db = new Database(dbFile, { readonly: true });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  assert.equal(count('SELECT COUNT(*) AS n FROM orders'), summary.orders, 'every order the session placed is journaled');
  assert.equal(count('SELECT COUNT(*) AS n FROM fills'), summary.fills, 'every fill is journaled once');
  assert.equal(count('SELECT COUNT(*) AS n FROM vetoes'), summary.vetoes);
  assert.equal(count("SELECT COUNT(*) AS n FROM orders WHERE venue IN ('local-a', 'local-b')"), arb.orders, 'arbitrage orders are journaled in the same file');
  assert.equal(count("SELECT COUNT(*) AS n FROM orders WHERE strategy IN ('cross-exchange', 'triangular')"), arb.orders);
  const outcomes = Object.values(outcomesByStrategy).flatMap((byKind) => Object.values(byKind)).reduce((a, b) => a + b, 0);
  assert.equal(count('SELECT COUNT(*) AS n FROM arb_outcomes'), outcomes, 'every arbitrage outcome is journaled');
  assert.equal(count("SELECT COUNT(*) AS n FROM arb_outcomes WHERE strategy = 'cross-exchange' AND group_id LIKE 'cross-exchange-%@first'"), crossOutcomes);
  assert.equal(count("SELECT COUNT(*) AS n FROM orders WHERE status NOT IN ('filled','cancelled','rejected')"), 0, 'a clean stop leaves no open order');
  assert.equal(count('SELECT COUNT(*) AS n FROM orders o LEFT JOIN intents i ON i.intent_id = o.intent_id WHERE i.intent_id IS NULL'), 0, 'no order without its journaled intent');
  const overfilled = count('SELECT COUNT(*) AS n FROM orders o WHERE o.filled > o.amount + 1e-9');
  assert.equal(overfilled, 0);
  const fillSum = db.prepare("SELECT o.client_order_id AS id, o.filled AS filled, COALESCE(SUM(f.amount), 0) AS summed FROM orders o LEFT JOIN fills f ON f.client_order_id = o.client_order_id GROUP BY o.client_order_id").all() as Array<{ id: string; filled: number; summed: number }>;
  for (const row of fillSum) assert.ok(Math.abs(row.filled - row.summed) < 1e-9, `${row.id}: filled ${row.filled} vs fills ${row.summed}`);
  const journalMode = db.pragma('journal_mode', { simple: true });
  assert.equal(journalMode, 'wal');
  db.close();

  const mark = summary.equityEnd - summary.equityStart;
  assert.ok(Number.isFinite(mark) && Math.abs(mark) < config.capital * 0.05, `P&L ${mark} stays inside the daily loss limit on this data`);
});

test('a journal with an order no venue can answer for starts the session HALTED: nothing new is opened (R4)', async () => {
  const dbFile = join(mkdtempSync(join(tmpdir(), 'arbiter-e2e-')), 'halted.db');
  const { openStore } = await import('../../actors/ledger/storage/store.js');
  const store = openStore(dbFile);
  store.orders.upsertOrder({ clientOrderId: 'old.0', intentId: 'old', strategy: 'market-making', venue: 'retired-venue', symbol: 'BTC/USDT', side: 'buy', status: 'unknown', filled: 0, amount: 0.01, ts: 1 });
  store.close();
  const summary = await runPaperSession({
    config: only(['market-making', 'triangular', 'cross-exchange']), logger: pino({ level: 'silent' }), dbFile, sessionId: 'after-crash', dataFile, speed: Number.POSITIVE_INFINITY, durationMs: 1_500, inspect: false,
  });
  assert.deepEqual(summary.reconciled, { settled: 0, cancelled: 0, lost: 0, unresolved: 1 });
  assert.equal(summary.orders, 0, 'no order was placed by either family');
  assert.equal(summary.riskState, 'HALTED');
  assert.equal(traded(summary, 'market_making').riskState, 'HALTED');
  assert.equal(traded(summary, 'arbitrage').riskState, 'HALTED');
});

test('paper.strategies: [market-making] runs market making alone; every other family says why it is off', async () => {
  const dbFile = join(mkdtempSync(join(tmpdir(), 'arbiter-e2e-')), 'mm-only.db');
  const config = only(['market-making']);
  const summary = await runPaperSession({
    config, logger: pino({ level: 'silent' }), dbFile, sessionId: 'mm-only', dataFile, speed: Number.POSITIVE_INFINITY, durationMs: 1_000, inspect: false,
  });
  assert.deepEqual([...summary.actors].sort(), MM_ACTORS.map((a) => `market_making/${a}`));
  assert.deepEqual(summary.strategies.arbitrage, { enabled: false, share: 0.2, capital: 2_000, disabledReason: 'not listed', detail: 'paper.strategies lists none of cross-exchange, triangular' });
  assert.deepEqual(summary.strategies.flash_loans, { enabled: false, share: 0.3, capital: 3_000, disabledReason: 'not listed', detail: 'paper.strategies lists none of flash-loan' });
  assert.deepEqual(summary.strategies.quantum_trading, { enabled: false, share: 0.1, capital: 1_000, disabledReason: 'not listed', detail: 'paper.strategies lists none of quantum-portfolio' });
  assert.equal(summary.strategies.ai_trading.enabled || summary.strategies.ai_trading.disabledReason, 'not listed');
  assert.ok(summary.orders > 0);
  assert.equal(summary.orders, traded(summary, 'market_making').orders);
});

test('when risk halts a family, the summary says why and on which market day, and a WARN line is logged as it happens', async () => {
  const dbFile = join(mkdtempSync(join(tmpdir(), 'arbiter-e2e-')), 'halt.db');
  const c = only(['market-making']);
  // A drawdown limit of 0.02% trips within the first hours of quoting.
  const config = { ...c, risk: { ...c.risk, maxDrawdownFraction: 0.0002 } };
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const summary = await runPaperSession({ config, logger, dbFile, sessionId: 'halt', dataFile, speed: Number.POSITIVE_INFINITY, durationMs: 1_500, inspect: false });
  assert.equal(summary.riskState, 'HALTED');
  assert.match(summary.haltedBy ?? '', /^HALTED: drawdown \d+\.\d% ≥ maxDrawdownFraction 0\.0002 \(peak \d+\.\d\d, now \d+\.\d\d\) on 2021-02-\d\d$/);
  assert.equal(traded(summary, 'market_making').haltedBy, summary.haltedBy);
  const warned = lines.filter((l) => l.level === 40 && l.msg.startsWith('risk HALTED: drawdown'));
  assert.equal(warned.length, 1, JSON.stringify(lines.filter((l) => l.level >= 40)));
});
