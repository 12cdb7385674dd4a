import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { crossOpportunities, crossPair } from '../../../actors/strategies/cross-exchange/cross-arbitrage.js';
import { parseVenueBooks } from '../../../actors/strategies/cross-exchange/parse-books.js';
import { InputError } from '../../../actors/runtime/errors.js';
import { ARBITER } from '../../support/arbiter-cli.js';

const A = { venue: 'A', bids: [[99, 1]] as [number, number][], asks: [[100, 1], [101, 2], [103, 5]] as [number, number][], takerFee: 0.001 };
const B = { venue: 'B', bids: [[102, 1.5], [101.5, 1], [100, 4]] as [number, number][], asks: [[103, 1]] as [number, number][], takerFee: 0.001 };

test('walks both books while the next unit still nets a profit after both fees', () => {
  const o = crossPair(A, B)!;
  assert.equal(o.size, 2.5);
  assert.equal(o.buyLimit, 101);
  assert.equal(o.sellLimit, 101.5);
  assert.ok(Math.abs(o.grossProfit - (102 * 1.5 + 101.5 - 100 - 101 * 1.5)) < 1e-9);
  assert.ok(Math.abs(o.fees - ((100 + 151.5) * 0.001 + (153 + 101.5) * 0.001)) < 1e-9);
  assert.ok(Math.abs(o.netProfit - (o.grossProfit - o.fees)) < 1e-12);
  assert.equal(crossPair(B, A), undefined, 'the other direction does not cross');
});

test('the chosen size maximises net profit (brute force over sizes on random books)', () => {
  const level = fc.tuple(fc.double({ min: 95, max: 105, noNaN: true }), fc.double({ min: 0.01, max: 3, noNaN: true }));
  fc.assert(
    fc.property(fc.array(level, { minLength: 1, maxLength: 6 }), fc.array(level, { minLength: 1, maxLength: 6 }), fc.double({ min: 0, max: 0.005, noNaN: true }), (a, b, fee) => {
      const asks = [...a].sort((x, y) => x[0] - y[0]);
      const bids = [...b].sort((x, y) => y[0] - x[0]);
      const net = (size: number) => {
        const cost = (levels: [number, number][]) => {
          let left = size; let c = 0;
          for (const [p, q] of levels) { const t = Math.min(q, left); c += t * p; left -= t; }
          return left > 1e-12 ? Number.NaN : c;
        };
        const buy = cost(asks); const sell = cost(bids);
        return sell * (1 - fee) - buy * (1 + fee);
      };
      const o = crossPair({ venue: 'x', asks, bids: [], takerFee: fee }, { venue: 'y', bids, asks: [], takerFee: fee });
      const grid = [...asks, ...bids].map(([, q]) => q);
      let cum = 0; const sizes = new Set<number>([0.001]);
      for (const q of grid) { cum += q; sizes.add(cum); sizes.add(cum / 2); }
      const best = o ? o.netProfit : 0;
      for (const s of sizes) { const n = net(s); if (!Number.isNaN(n)) assert.ok(n <= best + 1e-7, `size ${s} nets ${n} > ${best}`); }
      if (o) assert.ok(Math.abs(net(o.size) - o.netProfit) < 1e-7);
    }),
  );
});

test('three venues: every profitable direction, best first', () => {
  const C = { venue: 'C', bids: [[104, 0.5]] as [number, number][], asks: [[104.5, 1]] as [number, number][], takerFee: 0.002 };
  const found = crossOpportunities([A, B, C]);
  assert.deepEqual(found.map((o) => `${o.buyVenue}>${o.sellVenue}`), ['A>B', 'A>C', 'B>C']);
});

test('bad books name the venue, side, level and field', () => {
  assert.throws(() => parseVenueBooks({ A: { bids: [[1, 1]], asks: [[2, -1]] }, B: { bids: [], asks: [] } }, 'f.json'), (e: InputError) => e.issues[0]!.startsWith('A.asks: level at index 0: amount:'));
  assert.throws(() => parseVenueBooks({ A: { bids: [[1, 1], [2, 1]], asks: [] }, B: { bids: [], asks: [] } }, 'f.json'), (e: InputError) => /A\.bids: level at index 1: price 2 out of order/.test(e.issues[0]!));
  assert.throws(() => parseVenueBooks({ A: { bids: [], asks: [] } }, 'f.json'), /f\.json: one venue \(A\); a cross needs two venues or more/);
});

test('CLI: arbiter scan cross --json prints size, profits and venues; bad input exits 2 naming the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cross-'));
  const file = join(dir, 'books.json');
  writeFileSync(file, JSON.stringify({ venueA: { bids: A.bids, asks: A.asks }, venueB: { bids: B.bids, asks: B.asks } }));
  const ok = spawnSync(process.execPath, [ARBITER, 'scan', 'cross', '--books', file, '--fee', '0.001', '--json'], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  const out = JSON.parse(ok.stdout.trim().split('\n').at(-1)!);
  assert.equal(out.size, 2.5);
  assert.equal(out.buyVenue, 'venueA');
  assert.equal(out.sellVenue, 'venueB');
  assert.equal(out.grossProfit, 3);
  assert.ok(Math.abs(out.netProfit - 2.494) < 1e-9);
  writeFileSync(file, JSON.stringify({ venueA: { bids: A.bids, asks: [[100, 'lots']] }, venueB: B }));
  const bad = spawnSync(process.execPath, [ARBITER, 'scan', 'cross', '--books', file, '--fee', '0.001', '--json'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /books\.json/);
  assert.match(bad.stderr, /venueA\.asks: level at index 0: amount/);
});
