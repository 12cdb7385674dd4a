import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openJournal } from '../../../actors/ledger/storage/open-journal.js';
import { ArbOutcomeJournal } from '../../../actors/ledger/storage/arb-outcome-journal.js';
import { journalObserver } from '../../../actors/ledger/journal-observer.js';
import type { Message } from '../../../actors/runtime/messages.js';
import { backends } from '../../support/journal-backends.js';

const meta = { correlationId: 'c' };

for (const backend of backends) {
  test(`${backend.name}: arb.outcome messages are journaled by the observer with P&L per currency, and survive reopening the file`, () => {
    const where = backend.fresh();
    const store = openJournal(where);
    const observe = journalObserver(store);
    const outcomes: Message[] = [
      { type: 'arb.outcome', id: 'm1', ts: 1_000, ...meta, groupId: 'cross-7', strategy: 'cross-exchange', outcome: 'completed', pnl: { USDT: 1.25, BTC: -0.000001 }, detail: 'both legs filled' },
      { type: 'arb.outcome', id: 'm2', ts: 2_000, ...meta, groupId: 'triangular-3', strategy: 'triangular', outcome: 'unwound', pnl: { USDT: -0.4, ETH: 0, BNB: 0.1 }, detail: 'leg 2 denied: STALE_MARKET_DATA' },
      { type: 'orders.updated', id: 'm3', ts: 2_500, ...meta, updates: [], fills: [{ fillId: 'f', clientOrderId: 'x-0', intentId: 'x', strategy: 'triangular', venue: 'local-a', symbol: 'ETH/BTC', side: 'buy', price: 0.03, amount: 1, fee: 0, liquidity: 'taker', ts: 2_500 }] },
    ];
    for (const m of outcomes) observe(m);
    store.close();

    const reopened = openJournal(where);
    const journal = new ArbOutcomeJournal(reopened.runtimeDb);
    assert.equal(journal.count(), 2, 'only the two outcomes');
    assert.deepEqual(journal.list(), [
      { ts: 1_000, strategy: 'cross-exchange', groupId: 'cross-7', outcome: 'completed', pnl: { USDT: 1.25, BTC: -0.000001 }, detail: 'both legs filled' },
      { ts: 2_000, strategy: 'triangular', groupId: 'triangular-3', outcome: 'unwound', pnl: { USDT: -0.4, ETH: 0, BNB: 0.1 }, detail: 'leg 2 denied: STALE_MARKET_DATA' },
    ]);
    assert.equal(journal.count(1_500), 1);
    assert.deepEqual(journal.list(1_500).map((o) => o.groupId), ['triangular-3']);
    assert.equal(reopened.orders.fills('x-0').length, 1, 'other messages still go to their own journals');
    reopened.close();
  });

  test(`${backend.name}: an outcome outside the closed set is refused by the table`, () => {
    const store = openJournal(backend.fresh());
    const journal = new ArbOutcomeJournal(store.runtimeDb);
    assert.throws(() => journal.record({ ts: 1, strategy: 's', groupId: 'g', outcome: 'lucky' as never, pnl: {}, detail: '' }), /check constraint/i);
    assert.equal(journal.count(), 0);
    store.close();
  });
}
