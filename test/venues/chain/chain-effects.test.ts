import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActorSystem } from '../../../actors/runtime/system.js';
import { SimulatedClock } from '../../../actors/runtime/clock.js';
import type { Message } from '../../../actors/runtime/messages.js';
import { VenueUnavailableError } from '../../../actors/runtime/errors.js';
import { riskActor } from '../../../actors/risk/risk-actor.js';
import { openStore, type Store } from '../../../actors/ledger/storage/store.js';
import type { OrderRecord } from '../../../actors/ledger/storage/order-journal.js';
import { journalObserver } from '../../../actors/ledger/journal-observer.js';
import { clientOrderId } from '../../../actors/execution/client-order-id.js';
import { startFlashStack, type FlashStack } from '../../../actors/venues/chain/flash-scenario.js';
import { chainVenueSpec } from '../../../actors/venues/chain/chain-venue-actor.js';
import type { FlashExecutor } from '../../../actors/venues/chain/flash-executor.js';

let stack: FlashStack;
const dir = mkdtempSync(join(tmpdir(), 'arbiter-chain-effects-'));
before(async () => {
  stack = await startFlashStack();
});
after(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The executor, with what the journal held for the intent at the moment the relay was to be called. */
function watching(store: Store, fail: boolean): { executor: FlashExecutor; atSubmit: Array<OrderRecord | undefined> } {
  const atSubmit: Array<OrderRecord | undefined> = [];
  const executor = Object.create(stack.executor) as FlashExecutor;
  executor.submit = (bundle, approval, cap) => {
    atSubmit.push(store.orders.order(clientOrderId(approval.intent.intentId, 0)), store.orders.order(clientOrderId(approval.intent.intentId, 1)));
    return fail ? Promise.reject(new VenueUnavailableError('relay refused the bundle: test')) : stack.executor.submit(bundle, approval, cap);
  };
  return { executor, atSubmit };
}

function system(store: Store, executor: FlashExecutor, session: string) {
  const sys = new ActorSystem({ clock: new SimulatedClock(0) });
  const seen: Message[] = [];
  sys.observe((m) => seen.push(m));
  sys.observe(journalObserver(store));
  sys.spawn(riskActor({ capital: 100_000, limits: { minExpectedProfit: 0.001 }, startTs: 0 }));
  sys.spawn(chainVenueSpec(executor, { tokens: stack.tokens, store, session }));
  const block = async () => {
    const built = await stack.relay.buildBlock();
    sys.publish({ type: 'chain.block', number: built.number });
    await sys.whenQuiescent();
  };
  return { sys, seen, block };
}

test('a bundle is journaled as intent + one order per leg before the relay call; each leg gets its fill and final status', async () => {
  const snapshot = await stack.chain.provider.send('evm_snapshot', []);
  const store = openStore(join(dir, 'landed.sqlite'));
  const { executor, atSubmit } = watching(store, false);
  const t = system(store, executor, 's7');
  try {
    await t.block();
    const [buy, sell] = atSubmit;
    assert.ok(buy && sell, 'both legs were committed before the relay was called');
    assert.deepEqual([buy.side, buy.status, sell.side, sell.status], ['buy', 'submitted', 'sell', 'submitted']);
    assert.match(buy.clientOrderId, /^flash-loan-s7-1\.0$/);
    assert.equal(sell.intentId, buy.intentId);
    assert.equal(store.orders.intent(buy.intentId)?.venue, 'chain:local');
    await t.block();
    assert.equal(t.seen.filter((m) => m.type === 'chain.arbitrage.included').length, 1);
    for (const leg of [buy, sell]) {
      const order = store.orders.order(leg.clientOrderId)!;
      assert.equal(order.status, 'filled');
      assert.equal(order.filled, order.amount);
      const fills = store.orders.fills(leg.clientOrderId);
      assert.deepEqual(fills.map((f) => [f.side, f.amount, f.intentId]), [[leg.side, order.amount, buy.intentId]], 'one fill per leg, for what it filled');
    }
  } finally {
    await t.sys.shutdown();
    store.close();
    await stack.chain.provider.send('evm_revert', [snapshot]);
  }
});

test('a bundle the relay refuses is journaled as rejected, and risk gets its reservation back', async () => {
  const store = openStore(join(dir, 'refused.sqlite'));
  const { executor, atSubmit } = watching(store, true);
  const t = system(store, executor, 's8');
  try {
    await t.block();
    assert.deepEqual(atSubmit.map((o) => o?.status), ['submitted', 'submitted']);
    for (const leg of atSubmit) {
      const order = store.orders.order(leg!.clientOrderId)!;
      assert.equal(order.status, 'rejected');
      assert.match(order.detail ?? '', /relay refused/);
      assert.equal(store.orders.fills(order.clientOrderId).length, 0);
    }
    const risk = t.sys.actor('risk')!.snapshot() as { context: { book: { reservations: Record<string, unknown> } } };
    assert.deepEqual(risk.context.book.reservations, {});
  } finally {
    await t.sys.shutdown();
    store.close();
  }
});
