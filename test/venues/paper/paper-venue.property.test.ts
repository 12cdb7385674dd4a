import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PaperVenue } from '../../../actors/venues/paper/paper-venue.js';
import { OrderRejectedError } from '../../../actors/runtime/errors.js';
import type { OrderBook } from '../../../actors/market-data/types.js';
import type { VenueFill } from '../../../machines/order.machine.js';
import { sampleBook } from '../../execution/real-books.js';

const base = (): OrderBook => ({ ...sampleBook('bitstamp', 'ethusd'), venue: 'paper', symbol: 'ETH/USD' });
const shifted = (by: number, ts: number): OrderBook => {
  const b = base();
  return { ...b, ts, bids: b.bids.map(([p, a]) => [p + by, a] as const), asks: b.asks.map(([p, a]) => [p + by, a] as const) };
};

type Op =
  | { k: 'order'; side: 'buy' | 'sell'; type: 'market' | 'limit'; amount: number; offset: number }
  | { k: 'book'; shift: number }
  | { k: 'cancel'; pick: number }
  | { k: 'repeat'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ k: fc.constant('order' as const), side: fc.constantFrom('buy' as const, 'sell' as const), type: fc.constantFrom('market' as const, 'limit' as const), amount: fc.double({ min: 0.01, max: 40, noNaN: true }), offset: fc.double({ min: -20, max: 20, noNaN: true }) }), weight: 5 },
  { arbitrary: fc.record({ k: fc.constant('book' as const), shift: fc.double({ min: -30, max: 30, noNaN: true }) }), weight: 3 },
  { arbitrary: fc.record({ k: fc.constant('cancel' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constant('repeat' as const), pick: fc.nat() }), weight: 1 },
);

test('random orders, books and cancels: balances never go negative, money is conserved, fills match orders', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 60 }), async (ops) => {
      const start = { USD: 150_000, ETH: 40 };
      const v = new PaperVenue({ balances: start, fees: { maker: 0.0005, taker: 0.002 } });
      v.onBook(base());
      const fills = new Map<string, VenueFill>();
      const ids: string[] = [];
      const record = (fs: readonly VenueFill[]) => fs.forEach((f) => fills.set(f.fillId, f));
      let ts = 1;
      for (const o of ops) {
        ts += 1;
        if (o.k === 'book') record(v.onBook(shifted(o.shift, ts)));
        else if (o.k === 'cancel' && ids.length > 0) record((await v.cancelOrder(ids[o.pick % ids.length]!, 'ETH/USD')).fills);
        else if (o.k === 'repeat' && ids.length > 0) {
          const id = ids[o.pick % ids.length]!;
          const before = await v.fetchOrderByClientId(id, 'ETH/USD');
          const again = await v.createOrder({ clientOrderId: id, symbol: 'ETH/USD', side: 'buy', type: 'market', amount: 1 });
          assert.deepEqual(again, before, 'a repeated clientOrderId returns the existing order');
        } else if (o.k === 'order') {
          const id = `p-${ids.length}`;
          const book = await v.fetchOrderBook('ETH/USD', 1);
          const ref = (o.side === 'buy' ? book.asks[0]?.[0] : book.bids[0]?.[0]) ?? 3_800;
          try {
            const created = await v.createOrder({ clientOrderId: id, symbol: 'ETH/USD', side: o.side, type: o.type, amount: o.amount, price: o.type === 'limit' ? ref + o.offset : undefined });
            ids.push(id);
            record(created.fills);
          } catch (error) {
            assert.ok(error instanceof OrderRejectedError, String(error));
          }
        }
        const bal = await v.fetchBalance();
        for (const [asset, b] of Object.entries(bal)) {
          assert.ok(b.free >= -1e-6, `${asset} free ${b.free}`);
          assert.ok(b.used >= -1e-6, `${asset} used ${b.used}`);
        }
      }
      // Conservation: totals moved exactly by the fills.
      let eth = start.ETH;
      let usd = start.USD;
      for (const f of fills.values()) {
        eth += f.side === 'buy' ? f.amount : -f.amount;
        usd += f.side === 'buy' ? -(f.amount * f.price + f.fee) : f.amount * f.price - f.fee;
      }
      const bal = await v.fetchBalance();
      assert.ok(Math.abs(bal.ETH!.total - eth) < 1e-6, `ETH ${bal.ETH!.total} vs ${eth}`);
      assert.ok(Math.abs(bal.USD!.total - usd) < 1e-4, `USD ${bal.USD!.total} vs ${usd}`);
      // Every order's filled equals its fills, never exceeds its amount; closed means fully filled.
      let open = 0;
      for (const id of ids) {
        const o = (await v.fetchOrderByClientId(id, 'ETH/USD'))!;
        const sum = o.fills.reduce((s, f) => s + f.amount, 0);
        assert.ok(Math.abs(sum - o.filled) < 1e-9);
        assert.ok(o.filled <= o.amount + 1e-9);
        if (o.status === 'closed') assert.ok(Math.abs(o.filled - o.amount) < 1e-9);
        if (o.status === 'open') open += 1;
      }
      if (open === 0) {
        assert.ok(Math.abs(bal.USD!.used) < 1e-6 && Math.abs(bal.ETH!.used) < 1e-9, 'nothing stays reserved without open orders');
      }
    }),
    { numRuns: 300, seed: 5 },
  );
});
