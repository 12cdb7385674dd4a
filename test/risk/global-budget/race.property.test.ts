import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Redis } from 'ioredis';
import { GlobalBudget } from '../../../actors/risk/global-budget/global-budget.js';
import type { BudgetAnswer, BudgetLimit, BudgetRequest } from '../../../actors/risk/global-budget/types.js';
import { budgetConfig, Nodes, uniquePrefix } from './helpers.js';

/**
 * Issue 15: "two nodes racing for the last unit of budget cannot both get it". Several nodes (separate Redis
 * connections) fire reserve/release/fill/retry at the same moment (Promise.all), round after round. Every call that
 * changed the budget got a distinct `seq`: ordering them by it gives the order Redis ran them in. The oracle below,
 * written from the rules in docs/risk.md, replays that order: each answer must be the one the rules give on the state
 * the calls before it left, no accepted reservation ever takes the cluster past a limit, and the stored budget at the
 * end is what the accepted calls add up to.
 */
const PRICES: Record<string, number> = { 'BTC/USDT': 100, 'ETH/USDT': 50 };
const SYMBOLS = Object.keys(PRICES);
const LIMITS = { position: 1_000, gross: 1_500, dailyLoss: 100 };
const NODES = 4;
const TOL = 1e-9;

type Op =
  | { t: 'reserve'; symbol: string; side: 'buy' | 'sell'; amount: number }
  | { t: 'release'; k: number }
  | { t: 'fill'; k: number; fraction: number; pnl: number }
  | { t: 'retry'; k: number };

type Event =
  | { t: 'reserve'; seq: number; req: BudgetRequest; answer: BudgetAnswer }
  | { t: 'release'; seq: number; id: string }
  | { t: 'fill'; seq: number; id: string; symbol: string; side: 'buy' | 'sell'; amount: number; pnl: number };

interface Model {
  book: Record<string, { f: number; b: number; s: number }>;
  held: Map<string, { symbol: string; side: 'buy' | 'sell'; rem: number }>;
  pnl: number;
}

const at = (m: Model, symbol: string) => (m.book[symbol] ??= { f: 0, b: 0, s: 0 });
const exposureOf = (x: { f: number; b: number; s: number }, price: number) => Math.max(Math.abs(x.f + x.b), Math.abs(x.f - x.s)) * price;
const grossOf = (m: Model) => SYMBOLS.reduce((g, sym) => g + exposureOf(at(m, sym), PRICES[sym]!), 0);

/** The rules: an order adding worst-case exposure in its direction is refused at the loss limit, past the symbol's limit, or past the gross. */
function judge(m: Model, req: BudgetRequest): BudgetLimit | 'ok' {
  const x = at(m, req.symbol);
  const price = PRICES[req.symbol]!;
  const before = req.side === 'buy' ? x.f + x.b : x.s - x.f;
  const afterDir = before + req.amount;
  if (Math.max(0, afterDir) - Math.max(0, before) <= TOL) return 'ok';
  if (-m.pnl >= LIMITS.dailyLoss) return 'dailyLoss';
  if (afterDir * price > LIMITS.position + TOL) return 'position';
  const next = req.side === 'buy' ? { ...x, b: x.b + req.amount } : { ...x, s: x.s + req.amount };
  const added = exposureOf(next, price) - exposureOf(x, price);
  if (added > TOL && grossOf(m) + added > LIMITS.gross + TOL) return 'gross';
  return 'ok';
}

function assertWithinLimits(m: Model, where: string): void {
  for (const sym of SYMBOLS) {
    const x = at(m, sym);
    const worst = Math.max(x.f + x.b, x.s - x.f, 0) * PRICES[sym]!;
    assert.ok(worst <= LIMITS.position + TOL, `${where}: ${sym} worst case ${worst} > ${LIMITS.position}`);
  }
  assert.ok(grossOf(m) <= LIMITS.gross + TOL, `${where}: gross ${grossOf(m)} > ${LIMITS.gross}`);
}

function replay(events: Event[]): Model {
  const m: Model = { book: {}, held: new Map(), pnl: 0 };
  const seqs = events.map((e) => e.seq);
  assert.equal(new Set(seqs).size, seqs.length, 'every change has its own seq: the scripts ran one at a time');
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const where = `seq ${e.seq} ${e.t}`;
    if (e.t === 'reserve') {
      const verdict = judge(m, e.req);
      assert.equal(e.answer.ok ? 'ok' : e.answer.limit, verdict, `${where} ${JSON.stringify(e.req)}`);
      if (!e.answer.ok) continue;
      const x = at(m, e.req.symbol);
      if (e.req.side === 'buy') x.b += e.req.amount;
      else x.s += e.req.amount;
      m.held.set(e.req.reservationId, { symbol: e.req.symbol, side: e.req.side, rem: e.req.amount });
    } else if (e.t === 'release') {
      const r = m.held.get(e.id)!;
      const x = at(m, r.symbol);
      if (r.side === 'buy') x.b -= r.rem;
      else x.s -= r.rem;
      m.held.delete(e.id);
    } else {
      const r = m.held.get(e.id)!;
      const x = at(m, e.symbol);
      if (e.side === 'buy') (x.b -= e.amount), (x.f += e.amount);
      else (x.s -= e.amount), (x.f -= e.amount);
      r.rem -= e.amount;
      if (r.rem <= TOL) m.held.delete(e.id);
      m.pnl += e.pnl;
    }
    assertWithinLimits(m, where);
  }
  return m;
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('reserve' as const), symbol: fc.constantFrom(...SYMBOLS), side: fc.constantFrom('buy' as const, 'sell' as const), amount: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('release' as const), k: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('fill' as const), k: fc.nat(20), fraction: fc.constantFrom(0.25, 0.5, 1), pnl: fc.integer({ min: -30, max: 10 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('retry' as const), k: fc.nat(20) }) },
);

const nodes = new Nodes();
let clients: Redis[] = [];
before(() => {
  clients = Array.from({ length: NODES }, () => nodes.connect());
});
after(() => nodes.close());

/** One node's calls, one at a time; what it learns goes into the shared log. */
async function runNode(budget: GlobalBudget, node: number, ops: Op[], step: number, mine: NodeState, log: Event[]): Promise<void> {
  const op = ops[step];
  if (!op) return;
  if (op.t === 'reserve') {
    const req: BudgetRequest = { reservationId: `n${node}-${mine.asked.length}`, symbol: op.symbol, side: op.side, kind: 'open', amount: op.amount, notional: op.amount * PRICES[op.symbol]! };
    const answer = await budget.reserve(req);
    mine.asked.push({ req, answer });
    log.push({ t: 'reserve', seq: answer.seq, req, answer });
    if (answer.ok) mine.held.push({ req, rem: req.amount });
  } else if (op.t === 'retry') {
    const first = mine.asked[op.k % Math.max(1, mine.asked.length)];
    if (first) assert.deepEqual(await budget.reserve(first.req), first.answer, 'a retry gets the first answer');
  } else {
    const h = mine.held[op.k % Math.max(1, mine.held.length)];
    if (!h) return;
    if (op.t === 'release') {
      const { released, seq } = await budget.release(h.req.reservationId);
      assert.equal(released, h.rem);
      if (released > 0) log.push({ t: 'release', seq, id: h.req.reservationId });
      h.rem = 0;
    } else if (h.rem > 0) {
      const amount = h.rem * op.fraction;
      const { req } = h;
      const fillId = `${req.reservationId}-f${mine.fills++}`;
      const a = await budget.fill(req.reservationId, { fillId, symbol: req.symbol, side: req.side, amount, price: PRICES[req.symbol]!, realizedPnl: op.pnl });
      assert.deepEqual([a.counted, a.fromReserved, a.stillReserved], [true, amount, h.rem - amount]);
      h.rem = a.stillReserved;
      log.push({ t: 'fill', seq: a.seq, id: req.reservationId, symbol: req.symbol, side: req.side, amount, pnl: op.pnl });
    }
  }
}

interface NodeState {
  asked: { req: BudgetRequest; answer: BudgetAnswer }[];
  held: { req: BudgetRequest; rem: number }[];
  fills: number;
}

test('concurrent reserve/release/fill from four nodes: Redis order replays through the rules, and no limit is ever passed', async () => {
  let refusals = 0;
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(opArb, { minLength: 5, maxLength: 25 }), { minLength: NODES, maxLength: NODES }), async (script) => {
      const prefix = uniquePrefix('race');
      const budgets = clients.map((c, i) => new GlobalBudget(c, budgetConfig(prefix, { nodeId: `n${i}`, globalMaxPositionNotional: LIMITS.position, globalMaxGrossNotional: LIMITS.gross, globalMaxDailyLoss: LIMITS.dailyLoss })));
      try {
        const states: NodeState[] = budgets.map(() => ({ asked: [], held: [], fills: 0 }));
        const log: Event[] = [];
        const steps = Math.max(...script.map((ops) => ops.length));
        for (let step = 0; step < steps; step++) await Promise.all(budgets.map((b, i) => runNode(b, i, script[i]!, step, states[i]!, log)));

        const model = replay(log);
        const snap = await budgets[0]!.snapshot();
        for (const sym of SYMBOLS) {
          const x = at(model, sym);
          const s = snap.symbols[sym] ?? { filled: 0, reservedBuy: 0, reservedSell: 0 };
          assert.ok(Math.abs(s.filled - x.f) < TOL && Math.abs(s.reservedBuy - x.b) < TOL && Math.abs(s.reservedSell - x.s) < TOL, `${sym}: stored ${JSON.stringify(s)}, accepted calls add up to ${JSON.stringify(x)}`);
        }
        assert.ok(Math.abs(snap.gross - grossOf(model)) < TOL);
        assert.equal(snap.reservations, model.held.size);
        assert.ok(Math.abs(snap.dayPnl - model.pnl) < TOL);
        const answers = log.filter((e) => e.t === 'reserve');
        accepted += answers.filter((e) => e.answer.ok).length;
        refusals += answers.filter((e) => !e.answer.ok).length;
      } finally {
        await clients[0]!.del(...budgets[0]!.keys);
      }
    }),
    { numRuns: 40 },
  );
  assert.ok(accepted > 100 && refusals > 100, `the limits were reached: ${accepted} accepted, ${refusals} refused`);
});

test('two nodes racing for the last unit of budget: exactly one gets it', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        binding: fc.constantFrom('position' as const, 'gross' as const),
        side: fc.constantFrom('buy' as const, 'sell' as const),
        unit: fc.constantFrom(0.5, 1, 2),
        filledUnits: fc.integer({ min: 0, max: 4 }),
        otherSymbolUnits: fc.integer({ min: 0, max: 6 }),
      }),
      async ({ binding, side, unit, filledUnits, otherSymbolUnits }) => {
        const prefix = uniquePrefix('last-unit');
        const price = 100;
        const room = 10 * unit; // units of `unit` BTC that fit
        const posLimit = binding === 'position' ? room * price : 1e9;
        const grossLimit = binding === 'gross' ? room * price + otherSymbolUnits * 50 : 1e9;
        const config = (nodeId: string) => budgetConfig(prefix, { nodeId, globalMaxPositionNotional: posLimit, globalMaxGrossNotional: grossLimit, globalMaxDailyLoss: 1e9 });
        const [a, b, setup] = [new GlobalBudget(clients[0]!, config('a')), new GlobalBudget(clients[1]!, config('b')), new GlobalBudget(clients[2]!, config('setup'))];
        try {
          const req = (id: string, amount: number, symbol = 'BTC/USDT', p = price): BudgetRequest => ({ reservationId: id, symbol, side, kind: 'open', amount, notional: amount * p });
          if (otherSymbolUnits > 0) assert.ok((await setup.reserve(req('eth', otherSymbolUnits, 'ETH/USDT', 50))).ok);
          const filled = filledUnits * unit;
          if (filled > 0) {
            assert.ok((await setup.reserve(req('filled', filled))).ok);
            await setup.fill('filled', { fillId: 'f', symbol: 'BTC/USDT', side, amount: filled, price });
          }
          // Everything but the last unit, held.
          assert.ok((await setup.reserve(req('held', room - unit - filled))).ok);
          const [ra, rb] = await Promise.all([a.reserve(req('a-last', unit)), b.reserve(req('b-last', unit))]);
          assert.equal([ra, rb].filter((r) => r.ok).length, 1, `exactly one wins: ${JSON.stringify([ra, rb])}`);
          const loser = [ra, rb].find((r) => !r.ok)!;
          assert.ok(!loser.ok);
          assert.equal(loser.limit, binding);
          assert.ok(Math.abs(loser.current - (loser.limitValue)) < TOL && Math.abs(loser.requested - unit * price) < TOL, JSON.stringify(loser));
          const snap = await setup.snapshot();
          assert.ok(Math.abs(snap.symbols['BTC/USDT']!.exposure - room * price) < TOL);
        } finally {
          await clients[0]!.del(...setup.keys);
        }
      },
    ),
    { numRuns: 30 },
  );
});
