import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { defaultConfig } from '../../config/index.js';
import { FAMILIES } from '../../actors/strategies/catalogue/strategy-declaration.js';
import { runPaperSession } from '../../supervisors/run-paper-session.js';
import { openStore } from '../../actors/ledger/storage/store.js';
import { QuantumRebalanceJournal } from '../../actors/ledger/storage/quantum-rebalance-journal.js';
import type { ChoiceComparison } from '../../actors/strategies/quantum-portfolio/compare-choices.js';

test('the default paper session runs every built family side by side into one SQLite file; the others say why not', async () => {
  const dbFile = join(mkdtempSync(join(tmpdir(), 'arbiter-all-')), 'all.db');
  const base = defaultConfig();
  // Samples every 250 ms with a short warm-up, so the allocator has history within the run.
  // quantum-portfolio on a short window (31 steps), so it rebalances early whatever the machine's load.
  const strategies = { ...base.strategies, quantumPortfolio: { ...base.strategies.quantumPortfolio!, windowBars: 30, rebalanceBars: 100 } };
  const config = { ...base, strategies, allocator: { ...base.allocator, sampleEveryMs: 250, minSamples: 4, windowSamples: 40, minIntervalMs: 0 } };
  const summary = await runPaperSession({
    config,
    logger: pino({ level: 'silent' }),
    dbFile,
    sessionId: 'all',
    dataFile: 'data/candles/BTC_USDT-1m-2021-02-19_week.json',
    speed: 500,
    durationMs: 8_000,
    inspect: false,
  });
  assert.deepEqual(Object.keys(summary.strategies), [...FAMILIES]);
  const on = (family: (typeof FAMILIES)[number]) => {
    const f = summary.strategies[family];
    assert.ok(f.enabled, `${family}: ${JSON.stringify(f)}`);
    return f;
  };
  const flash = on('flash_loans');
  const arb = on('arbitrage');
  const mm = on('market_making');
  const quantum = on('quantum_trading');
  const ai = summary.strategies.ai_trading;
  assert.ok(!ai.enabled && /^no stored model in .*: train one: arbiter train --model lstm/.test(ai.disabledReason), `ai_trading, with no model in the journal: ${JSON.stringify(ai)}`);
  for (const [family, f] of Object.entries(summary.strategies)) {
    assert.equal(f.capital, config.capital * config.allocation[family as keyof typeof config.allocation], `${family} capital`);
  }

  const chain = flash['chain'] as Record<string, string | number>;
  assert.ok(Number(chain['blocks']) > 0, `blocks ${chain['blocks']}`);
  assert.ok(Number(chain['bundlesLanded']) >= 1, `bundles landed: ${JSON.stringify(chain)}`);
  assert.equal(chain['realizedProfitWei'], chain['predictedProfitWei'], 'realized profit is the predicted one, to the wei');
  assert.ok(mm.orders > 0 && arb.orders > 0 && flash.orders > 0, `orders: mm ${mm.orders}, arb ${arb.orders}, flash ${flash.orders}`);
  assert.equal(summary.orders, mm.orders + arb.orders + flash.orders + quantum.orders);
  assert.ok(Math.abs(summary.equityEnd - summary.equityStart - (mm.pnl + arb.pnl + flash.pnl + quantum.pnl)) < 1e-6);

  // The universe family: QAOA's choices beside brute force at each rebalance, its P&L counted at the fixed BTC value.
  const choices = quantum['choices'] as ChoiceComparison;
  assert.ok(choices.rebalances.length >= 1 && quantum.orders > 0, `rebalanced in 8 s: ${JSON.stringify(quantum)}`);
  for (const r of choices.rebalances) assert.equal(r.qaoa.length, (config.strategies.quantumPortfolio as unknown as { budget: number }).budget, 'the xy mixer keeps Σx = B');
  const store = openStore(dbFile);
  const journaled = new QuantumRebalanceJournal(store.runtimeDb).list('all');
  store.close();
  const named = (r: (typeof journaled)[number], pick: readonly (0 | 1)[]) => r.symbols.filter((_, i) => pick[i] === 1);
  assert.deepEqual(journaled.map((r) => [r.ts, named(r, r.qaoa), named(r, r.exact)]), choices.rebalances.map((r) => [r.ts, r.qaoa, r.exact]), "the summary's table is the journal's");
  const quote = quantum['quote'] as { value: number; pnl: number };
  assert.ok(Math.abs(quantum.pnl - quote.pnl * quote.value) < 1e-9, 'P&L in capital currency = P&L in BTC × the configured value');

  const db = new Database(dbFile, { readonly: true });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  assert.equal(count('SELECT COUNT(*) AS n FROM orders'), summary.orders, 'every family journals its orders to the one file');
  assert.equal(count('SELECT COUNT(*) AS n FROM fills'), summary.fills);
  assert.equal(count("SELECT COUNT(*) AS n FROM orders WHERE strategy = 'flash-loan'"), flash.orders, 'each bundle is journaled as an order');
  assert.equal(count('SELECT COUNT(*) AS n FROM fills f LEFT JOIN orders o ON o.client_order_id = f.client_order_id WHERE o.client_order_id IS NULL'), 0, 'no fill without its order');
  assert.equal(count('SELECT COUNT(*) AS n FROM orders o LEFT JOIN intents i ON i.intent_id = o.intent_id WHERE i.intent_id IS NULL'), 0, 'no order without its intent');
  assert.equal(count('SELECT COUNT(*) AS n FROM allocations'), summary.allocator.reallocations.length, 'every reallocation is journaled');
  db.close();

  const a = summary.allocator;
  assert.ok(a.enabled);
  const total = Object.values(a.weights).reduce<number>((s, w) => s + (w ?? 0), 0);
  assert.ok(total <= 0.7 + 1e-9, `running families hold at most their static 70% (${total})`);
  assert.ok(Object.keys(a.samples).length === 3 && Object.values(a.samples).every((n) => (n ?? 0) > 0), JSON.stringify(a.samples));
});
