import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { defaultConfig } from '../../../config/index.js';
import { openStore, type Store } from '../../../actors/ledger/storage/store.js';
import { SystemClock } from '../../../actors/runtime/clock.js';
import { declarationOf } from '../../../actors/strategies/catalogue/catalogue.js';
import { startFlashFamily, type FlashFamily } from '../../../supervisors/flash-family.js';
import { reconcileWithVenues } from '../../../supervisors/reconcile.js';
import { hostedChainWorld } from '../../support/hosted-chain-world.js';
import { chainVerdict } from '../../../supervisors/world/chain-verdict.js';
import { readWorldFile } from '../../../supervisors/world/world-file.js';
import { until } from '../../support/until.js';

const config = defaultConfig();
const logger = pino({ level: 'silent' });
const hosted = hostedChainWorld('arbiter-chain-world-', 7);
const { settings, worldFile } = hosted;
// One journal for both bots, as the chaos harness restarts them on one --db: the world's records are all its.
const journalFile = hosted.journal;

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
  const head = (await hosted.world().records()).head;
  let now = head;
  while (now < head + 4) {
    await new Promise((r) => setTimeout(r, settings.blockMs));
    now = (await hosted.world().records()).head;
  }
}

test('a bot attached to the hosted chain through the world file: a dropped bundle and a reverted simulation, and the journal agrees with the chain', async () => {
  const store = openStore(journalFile);
  try {
    const { family } = await attach(store, 'w1');
    try {
      hosted.world().faults.revertNextSimulations(1);
      await until('a simulation reverted', () => hosted.world().counts.simulationsReverted >= 1, 15_000);
      await until('a bundle landed', () => family.summary().bundlesLanded >= 1, 15_000);
      hosted.world().faults.dropNextBundles(1);
      await until('a bundle dropped', () => hosted.world().counts.bundlesDropped >= 1, 15_000);
      await until('another bundle landed', () => family.summary().bundlesLanded >= 2, 15_000);
      assert.ok(await family.quiesce(10_000), 'no bundle left in flight');
    } finally {
      await family.close();
    }
    await settled();
    const records = await hosted.world().records();
    const verdict = chainVerdict(store.orders, records);
    assert.deepEqual({ ...verdict, orders: 0, fills: 0 }, { orders: 0, fills: 0, lost: 0, duplicated: 0, untrackedFills: 0, unreconciled: 0, examples: [] }, JSON.stringify(verdict.examples));
    assert.ok(verdict.orders >= 4 && verdict.fills >= 4, JSON.stringify(verdict));
    assert.ok(records.bundles.some((b) => b.dropped) && records.bundles.some((b) => b.includedIn !== undefined));
    assert.ok(hosted.world().counts.simulationsReverted >= 1 && hosted.world().counts.bundlesDropped >= 1);
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
    const records = await hosted.world().records();
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
