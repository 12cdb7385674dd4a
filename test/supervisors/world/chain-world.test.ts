import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { defaultConfig } from '../../../config/index.js';
import { chain } from '../../../config/sections/chain.js';
import { openStore, type Store } from '../../../actors/ledger/storage/store.js';
import { SystemClock } from '../../../actors/runtime/clock.js';
import { declarationOf } from '../../../actors/strategies/catalogue/catalogue.js';
import { startFlashFamily, type FlashFamily } from '../../../supervisors/flash-family.js';
import { reconcileWithVenues } from '../../../supervisors/reconcile.js';
import { hostChainWorld, type ChainWorld } from '../../../supervisors/world/chain-world.js';
import { chainVerdict } from '../../../supervisors/world/chain-verdict.js';
import { readWorldFile } from '../../../supervisors/world/world-file.js';
import { until } from '../../support/until.js';

const dir = mkdtempSync(join(tmpdir(), 'arbiter-chain-world-'));
const config = defaultConfig();
const logger = pino({ level: 'silent' });
// A swap every block, 0.5–2% of a pool's reserve: the DEXes cross often.
const settings = chain.parse({ blockMs: 400, swapChance: 1, minSwapFraction: 0.005, maxSwapFraction: 0.02, seed: 7 });
const worldFile = join(dir, 'world.json');
// One journal for both bots, as the chaos harness restarts them on one --db: the world's records are all its.
const journalFile = join(dir, 'journal.sqlite');

let world: ChainWorld;
before(async () => {
  world = await hostChainWorld({ settings });
  writeFileSync(worldFile, JSON.stringify({ chain: world.world }));
});
after(async () => {
  await world?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A bot on the world's chain, as `arbiter run` with paper.world starts it: attach, reconcile, then trade. */
async function attach(store: Store, sessionId: string): Promise<{ family: FlashFamily; reconciled: Awaited<ReturnType<typeof reconcileWithVenues>> }> {
  const family = await startFlashFamily({
    config, logger, store, sessionId, chain: settings, world: readWorldFile(worldFile).chain,
    capital: config.capital * config.allocation.flash_loans,
    strategies: [{ declaration: declarationOf('flash-loan', 'paper'), params: {} }],
  });
  const reconciled = await reconcileWithVenues(store, family.venues, new SystemClock(), logger);
  family.start();
  return { family, reconciled };
}

/** Until the head is past every journaled bundle's deadline: then the chain has ended each one way or the other. */
async function settled(): Promise<void> {
  const head = (await world.records()).head;
  let now = head;
  while (now < head + 4) {
    await new Promise((r) => setTimeout(r, settings.blockMs));
    now = (await world.records()).head;
  }
}

test('a bot attached to the hosted chain through the world file: a dropped bundle and a reverted simulation, and the journal agrees with the chain', async () => {
  const store = openStore(journalFile);
  try {
    const { family } = await attach(store, 'w1');
    try {
      world.faults.revertNextSimulations(1);
      await until('a simulation reverted', () => world.counts.simulationsReverted >= 1, 15_000);
      await until('a bundle landed', () => family.summary().bundlesLanded >= 1, 15_000);
      world.faults.dropNextBundles(1);
      await until('a bundle dropped', () => world.counts.bundlesDropped >= 1, 15_000);
      await until('another bundle landed', () => family.summary().bundlesLanded >= 2, 15_000);
      assert.ok(await family.quiesce(10_000), 'no bundle left in flight');
    } finally {
      await family.close();
    }
    await settled();
    const records = await world.records();
    const verdict = chainVerdict(store.orders, records);
    assert.deepEqual({ ...verdict, orders: 0, fills: 0 }, { orders: 0, fills: 0, lost: 0, duplicated: 0, untrackedFills: 0, unreconciled: 0, examples: [] }, JSON.stringify(verdict.examples));
    assert.ok(verdict.orders >= 4 && verdict.fills >= 4, JSON.stringify(verdict));
    assert.ok(records.bundles.some((b) => b.dropped) && records.bundles.some((b) => b.includedIn !== undefined));
    assert.ok(world.counts.simulationsReverted >= 1 && world.counts.bundlesDropped >= 1);
  } finally {
    store.close();
  }
});

test('a bot ended with a bundle in flight: the next one on the same journal settles it from the chain, and sends it no second time', async () => {
  const store = openStore(journalFile);
  try {
    const first = await attach(store, 'k1');
    let submitted: string | undefined;
    first.family.system.observe((m) => {
      if (m.type === 'chain.arbitrage.submitted') submitted ??= m.txHash;
    });
    await until('a bundle sent', () => submitted !== undefined, 20_000);
    // Ended mid-flight: no follow-up of the bundle, its legs left `submitted` in the journal.
    await first.family.close();
    const open = store.orders.nonTerminalOrders();
    assert.equal(open.length, 2, 'both legs of the bundle in flight are open');

    const second = await attach(store, 'k2');
    try {
      assert.deepEqual(second.reconciled.unresolved, []);
      assert.equal(second.reconciled.settled.length, 2);
      assert.deepEqual(store.orders.nonTerminalOrders(), []);
      await until('the second bot trades', () => second.family.summary().bundlesLanded >= 1, 20_000);
      assert.ok(await second.family.quiesce(10_000));
    } finally {
      await second.family.close();
    }
    await settled();
    const records = await world.records();
    const verdict = chainVerdict(store.orders, records);
    assert.deepEqual(verdict.examples, []);
    assert.equal(verdict.lost + verdict.duplicated + verdict.untrackedFills + verdict.unreconciled, 0);
    const ended = records.bundles.filter((b) => b.txHashes[0] === submitted);
    assert.ok(ended.length >= 1);
    assert.equal(new Set(ended.map((b) => b.signer)).size, 1, 'the ended bundle was not resent by the second bot (each bot signs relay requests with its own key)');
  } finally {
    store.close();
  }
});
