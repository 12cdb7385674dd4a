import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openJournal } from '../../../actors/ledger/storage/open-journal.js';
import { AllocationJournal } from '../../../actors/ledger/storage/allocation-journal.js';
import { backends } from '../../support/journal-backends.js';

const inputs = { arbitrage: { samples: 30, mean: 0.001, std: 0, sharpe: Infinity, shrunk: Infinity }, market_making: { samples: 30, mean: -0.002, std: 0.004, sharpe: -0.5, shrunk: -0.25 } };

for (const backend of backends) {
  test(`${backend.name}: a reallocation survives reopening the file, its non-finite inputs as null, listed by session in order`, () => {
    const where = backend.fresh();
    const store = openJournal(where);
    const journal = new AllocationJournal(store.runtimeDb);
    journal.record({ ts: 1_000, session: 'a', before: { arbitrage: 0.2, market_making: 0.2 }, after: { arbitrage: 0.3, market_making: 0.1 }, inputs, outcome: 'applied', detail: 'shrank market_making, then grew arbitrage' });
    journal.record({ ts: 2_000, session: 'b', before: {}, after: {}, inputs: {}, outcome: 'applied', detail: 'other session' });
    journal.record({ ts: 3_000, session: 'a', before: { arbitrage: 0.3, market_making: 0.1 }, after: { arbitrage: 0.25, market_making: 0.15 }, inputs: {}, outcome: 'grows-skipped', detail: 'no confirmation' });
    store.close();

    const reopened = openJournal(where);
    const rows = new AllocationJournal(reopened.runtimeDb).list('a');
    assert.deepEqual(rows.map((r) => [r.ts, r.outcome]), [[1_000, 'applied'], [3_000, 'grows-skipped']]);
    assert.deepEqual(rows[0]!.inputs, {
      arbitrage: { samples: 30, mean: 0.001, std: 0, sharpe: null, shrunk: null },
      market_making: { samples: 30, mean: -0.002, std: 0.004, sharpe: -0.5, shrunk: -0.25 },
    });
    assert.deepEqual(rows[0]!.after, { arbitrage: 0.3, market_making: 0.1 });
    reopened.close();
  });

  test(`${backend.name}: an outcome outside the closed set is refused by the table`, () => {
    const store = openJournal(backend.fresh());
    const journal = new AllocationJournal(store.runtimeDb);
    assert.throws(() => journal.record({ ts: 1, session: 's', before: {}, after: {}, inputs: {}, outcome: 'maybe' as never, detail: '' }), /check constraint/i);
    store.close();
  });
}
