import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../../actors/ledger/storage/store.js';
import type { OrderIntent } from '../../../actors/risk/intent.js';
import { bundleUuid, legFill, writeBundleNote, type BundleNote } from '../../../actors/venues/chain/bundle-note.js';
import type { RelayBundleRecord } from '../../../actors/venues/chain/local-relay.js';
import { chainVerdict } from '../../../supervisors/world/chain-verdict.js';
import type { ChainRecords } from '../../../supervisors/world/chain-world.js';

const VENUE = 'chain:local';
const tx = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;
const note = (n: number): BundleNote => ({ txHash: tx(n), deadlineBlock: 10, buyPrice: 0.0003, sellPrice: 0.00031, builderPaymentWei: 0n });

/** A bundle journaled as the chain effects do: its intent, two legs with the note, and (landed) a fill per leg. */
function journal(store: Store, intentId: string, n: number, outcome: 'submitted' | 'filled' | 'cancelled', withFills = outcome === 'filled') {
  const intent: OrderIntent = { intentId, strategy: 'flash-loan', venue: VENUE, symbol: 'DAI/WETH', side: 'buy', kind: 'open', type: 'market', amount: 100, price: 0.0003 };
  const legs = (['buy', 'sell'] as const).map((side, i) => ({ clientOrderId: `${intentId}.${i}`, intentId, strategy: 'flash-loan', venue: VENUE, symbol: 'DAI/WETH', side, status: 'submitted' as const, filled: 0, amount: 100, ts: 1, detail: writeBundleNote(note(n)) }));
  store.orders.recordSubmission(intent, legs[0]!, legs[1]!);
  for (const leg of legs) {
    if (withFills) store.orders.recordFill(legFill(leg, note(n), 0.001, 2));
    if (outcome !== 'submitted') store.orders.upsertOrder({ ...leg, status: outcome, filled: outcome === 'filled' ? 100 : 0, detail: writeBundleNote(note(n), outcome), ts: 2 });
  }
}

const bundle = (n: number, intentId: string, includedIn?: number): RelayBundleRecord => ({ bundleHash: tx(1000 + n), signer: '0xabc', txHashes: [tx(n)], blockNumber: 5, replacementUuid: bundleUuid(intentId), dropped: false, ...(includedIn !== undefined ? { includedIn } : {}) });
const records = (bundles: RelayBundleRecord[], head = 20): ChainRecords => ({ head, bundles, executorTxs: bundles.filter((b) => b.includedIn !== undefined).length, executor: '0xexec' });

test('a journal that agrees with the relay and the chain: nothing to report', () => {
  const store = openStore(':memory:');
  journal(store, 'a', 1, 'filled');
  journal(store, 'b', 2, 'cancelled');
  const v = chainVerdict(store.orders, records([bundle(1, 'a', 6), bundle(2, 'b'), bundle(2, 'b')]));
  assert.deepEqual(v, { orders: 4, fills: 2, lost: 0, duplicated: 0, untrackedFills: 0, unreconciled: 0, examples: [] });
  store.close();
});

test('each offence is counted and named: a bundle the journal lacks, two transactions for one intent, a landed bundle without fills, an ended one still open', () => {
  const store = openStore(':memory:');
  journal(store, 'a', 1, 'submitted');
  journal(store, 'b', 2, 'submitted');
  journal(store, 'c', 3, 'filled');
  const v = chainVerdict(store.orders, records([bundle(1, 'a', 6), bundle(2, 'b'), bundle(9, 'x'), bundle(3, 'c', 7), bundle(4, 'c')]));
  assert.equal(v.lost, 2, 'tx 9 and tx 4 are named by no journaled order');
  assert.equal(v.duplicated, 1, 'intent c: two transactions under its replacementUuid');
  assert.equal(v.untrackedFills, 2, "a's two legs landed without fills");
  assert.equal(v.unreconciled, 4, "a landed but open; b past its deadline but open");
  assert.equal(v.examples.length, 4);
  store.close();
});
