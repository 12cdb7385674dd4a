import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { defaultConfig } from '../../config/index.js';
import { chain } from '../../config/sections/chain.js';
import { openStore, type Store } from '../../actors/ledger/storage/store.js';
import { declarationOf } from '../../actors/strategies/catalogue/catalogue.js';
import { startFlashFamily, type FlashFamily } from '../../supervisors/flash-family.js';
import { until } from '../support/until.js';

const dir = mkdtempSync(join(tmpdir(), 'arbiter-flash-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const config = defaultConfig();
const logger = pino({ level: 'silent' });
// A swap every block, 0.5–2% of a pool's reserve: the two DEXes drift apart by a few percent each way.
const settings = chain.parse({ blockMs: 200, swapChance: 1, minSwapFraction: 0.005, maxSwapFraction: 0.02, seed: 7 });

async function run(store: Store, sessionId: string, blocks: number): Promise<{ family: FlashFamily; quiet: boolean }> {
  const family = await startFlashFamily({
    config, logger, store, sessionId, chain: settings,
    capital: config.capital * config.allocation.flash_loans,
    strategies: [{ declaration: declarationOf('flash-loan', 'paper'), params: {} }],
  });
  try {
    family.start();
    await until(`${blocks} blocks`, () => family.summary().blocks >= blocks, 30_000);
    return { family, quiet: await family.quiesce(10_000) };
  } catch (err) {
    await family.close();
    throw err;
  }
}

const count = (store: Store, sql: string, ...args: unknown[]) => (store.db.prepare(sql).get(...args) as { n: number }).n;

test('the flash_loans family: bundles land wei-exact with a public trader moving prices, every fill has its journaled order, counts agree', async () => {
  const store = openStore(join(dir, 'journal.sqlite'));
  try {
    const { family, quiet } = await run(store, 's1', 20);
    const s = family.summary();
    await family.close();
    assert.ok(quiet, 'no bundle left in flight');
    assert.ok(s.traderSwaps >= 10, `the trader swapped in most blocks: ${s.traderSwaps} of ${s.blocks}`);
    assert.ok(s.bundlesLanded >= 2, JSON.stringify(s));
    assert.equal(s.landedExact, s.bundlesLanded, JSON.stringify(s.inexact));
    assert.equal(s.realizedProfitWei, s.predictedProfitWei, 'realized (balances) equals the sum of predictions, to the wei');
    assert.ok(BigInt(s.realizedProfitWei) > 0n && BigInt(s.gasSpentWei) > 0n);
    assert.equal(s.bundlesSent, s.bundlesLanded + s.bundlesDropped, 'every bundle sent ended one way or the other');
    assert.ok(s.opportunities >= s.bundlesSent + s.vetoes, JSON.stringify(s));
    assert.ok(s.wethPriceQuote > 100 && s.wethPriceQuote < 1_000, `WETH at ${s.wethPriceQuote} DAI in the seeded pools`);
    assert.ok(Math.abs(s.pnlQuote - (Number(BigInt(s.realizedProfitWei)) / 1e18) * s.wethPriceQuote) < 1e-9 * Math.max(1, s.pnlQuote));
    assert.equal(family.equity(), family.capital + s.pnlQuote);

    assert.equal(count(store, 'SELECT COUNT(*) AS n FROM fills f LEFT JOIN orders o ON o.client_order_id = f.client_order_id WHERE o.client_order_id IS NULL'), 0, 'no fill without its order');
    assert.equal(count(store, 'SELECT COUNT(*) AS n FROM orders o LEFT JOIN intents i ON i.intent_id = o.intent_id WHERE i.intent_id IS NULL'), 0, 'no order without its intent');
    assert.equal(count(store, 'SELECT COUNT(*) AS n FROM intents'), s.bundlesSent, 'one intent per bundle');
    assert.equal(count(store, 'SELECT COUNT(*) AS n FROM orders'), 2 * s.bundlesSent, 'a buy and a sell leg per bundle');
    assert.equal(count(store, "SELECT COUNT(*) AS n FROM orders WHERE status = 'filled' AND filled = amount"), 2 * s.bundlesLanded);
    assert.equal(count(store, "SELECT COUNT(*) AS n FROM orders WHERE status = 'cancelled'"), 2 * s.bundlesDropped);
    assert.equal(count(store, 'SELECT COUNT(*) AS n FROM fills'), 2 * s.bundlesLanded, 'one fill per leg of a landed bundle');
    const fillSums = store.db.prepare('SELECT o.client_order_id AS id, o.filled AS filled, COALESCE(SUM(f.amount), 0) AS summed FROM orders o LEFT JOIN fills f ON f.client_order_id = o.client_order_id GROUP BY o.client_order_id').all() as Array<{ id: string; filled: number; summed: number }>;
    for (const row of fillSums) assert.ok(Math.abs(row.filled - row.summed) < 1e-9, `${row.id}: filled ${row.filled}, its fills ${row.summed}`);
    assert.equal(count(store, "SELECT COUNT(*) AS n FROM orders WHERE client_order_id NOT LIKE 'flash-loan-s1-%' OR venue <> 'chain:local'"), 0);
    assert.equal(count(store, 'SELECT COUNT(*) AS n FROM vetoes'), s.vetoes);
  } finally {
    store.close();
  }
});

test('a second run on the same journal reuses no intent, order or fill id', async () => {
  const file = join(dir, 'twice.sqlite');
  for (const session of ['a', 'b']) {
    const store = openStore(file);
    try {
      const { family } = await run(store, session, 4);
      const s = family.summary();
      await family.close();
      assert.ok(s.bundlesLanded >= 1, JSON.stringify(s));
      assert.equal(count(store, 'SELECT COUNT(*) AS n FROM fill_conflicts'), 0);
      assert.equal(count(store, 'SELECT COUNT(*) AS n FROM orders WHERE client_order_id LIKE ?', `flash-loan-${session}-%`), 2 * s.bundlesSent);
    } finally {
      store.close();
    }
  }
});
