import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor, type EmittedFrom } from 'xstate';
import { quantumPortfolioMachine, type QuantumPortfolioInput } from '../../../actors/strategies/quantum-portfolio/quantum-portfolio.machine.js';
import { quantumPortfolioParams } from '../../../actors/strategies/quantum-portfolio/params.js';
import type { PortfolioChoice } from '../../../actors/strategies/quantum-portfolio/solve-portfolio.js';
import type { Message } from '../../../actors/runtime/messages.js';
import type { Fill, OrderUpdate } from '../../../actors/ledger/types.js';
import type { OrderIntent, RiskState } from '../../../actors/risk/intent.js';

const SYMBOLS = ['A', 'B', 'C', 'D'];
const params = quantumPortfolioParams.parse({ windowBars: 20, rebalanceBars: 5, budget: 2, seed: 7 });
// Per market 1000 · min(0.9 / 2, 0.4 / (1 + 0.02 maxSlippage)) ≈ 392.16: worth 400 at the buys' limits (a hair under).
const input: QuantumPortfolioInput = { strategy: 'qp', session: 's', venue: 'replay', symbols: SYMBOLS, capital: 1000, feeRate: 0.001, maxPositionFraction: 0.4, params };
const VALUE = 1000 * ((0.4 / 1.02) * (1 - 1e-9));

/** Closes at step t: A grows 1 % a step, B falls 1 %, C is flat, D grows 2 %. */
const close = (symbol: string, t: number): number => ({ A: 100 * 1.01 ** t, B: 50 * 0.99 ** t, C: 20, D: 10 * 1.02 ** t })[symbol]!;

let seq = 0;
const meta = () => ({ id: `t${++seq}`, correlationId: 'c', ts: seq });
const step = (t: number, symbols = SYMBOLS, venue = 'replay', price = close): Message<'candles.closed'> => ({
  type: 'candles.closed', venue, bars: symbols.map((symbol) => { const c = price(symbol, t); return { symbol, candle: { ts: t * 300_000, open: c, high: c, low: c, close: c, volume: 1 } }; }), ...meta(),
});
const CHOICE: PortfolioChoice = { qaoa: [0, 1, 0, 1], exact: [1, 0, 0, 1], qaoaObjective: -0.01, exactObjective: -0.02, probabilityOfOptimum: 0.3, uniformProbability: 1 / 6, approximationRatio: 0.9 };
const solved = (choice = CHOICE): Message<'quantum.solved'> => ({ type: 'quantum.solved', choice, ...meta() });
const risk = (state: RiskState): Message<'risk.changed'> => ({ type: 'risk.changed', state, reason: 'test', ...meta() });
const fillOf = (i: OrderIntent, price = i.price): Fill => ({ fillId: `f-${i.intentId}`, clientOrderId: `o-${i.intentId}`, intentId: i.intentId, strategy: i.strategy, venue: i.venue, symbol: i.symbol, side: i.side, price, amount: i.amount, fee: price * i.amount * 0.001, liquidity: 'taker', ts: seq });
const updateOf = (i: OrderIntent, status: OrderUpdate['status']): OrderUpdate => ({ clientOrderId: `o-${i.intentId}`, intentId: i.intentId, strategy: i.strategy, venue: i.venue, symbol: i.symbol, side: i.side, status, filled: status === 'filled' ? i.amount : 0, amount: i.amount });
const report = (updates: OrderUpdate[], fills: Fill[]): Message<'orders.updated'> => ({ type: 'orders.updated', updates, fills, ...meta() });
const filled = (...intents: OrderIntent[]) => report(intents.map((i) => updateOf(i, 'filled')), intents.map((i) => fillOf(i)));
const denied = (...intents: OrderIntent[]): Message<'orders.denied'> => ({ type: 'orders.denied', denials: intents.map((intent) => ({ intent, reason: 'REDUCE_ONLY', detail: 'test' })), ...meta() });
const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

type Emitted = EmittedFrom<typeof quantumPortfolioMachine>;

function start() {
  const actor = createActor(quantumPortfolioMachine, { input });
  const emitted: Emitted[] = [];
  actor.on('*', (e) => emitted.push(e));
  actor.start();
  const of = <T extends Emitted['type']>(type: T) => emitted.filter((e): e is Extract<Emitted, { type: T }> => e.type === type);
  return {
    actor,
    state: () => actor.getSnapshot().value,
    ctx: () => actor.getSnapshot().context,
    solves: () => of('quantum.solve'),
    intents: () => of('order.intents').map((e) => e.intents),
    rebalanced: () => of('quantum.rebalanced'),
  };
}

/** Steps t = 0 … 20 (21 complete steps): the first solve. Then QAOA's pick {B, D}, both bought and filled. */
function holdingBD() {
  const s = start();
  for (let t = 0; t <= 20; t++) s.actor.send(step(t));
  s.actor.send(solved());
  const [buys] = s.intents();
  s.actor.send(filled(...buys!));
  assert.equal(s.state(), 'watching');
  return { ...s, buys: buys! };
}

test('no solve before windowBars + 1 complete steps; then windowBars rows of returns and seed = params.seed', () => {
  const s = start();
  s.actor.send(step(-1, ['A', 'B', 'C'])); // D has no bar yet: not a row
  for (let t = 0; t <= 19; t++) {
    s.actor.send(step(t));
    if (t === 10) {
      s.actor.send(step(t, ['Z'])); // none of its markets
      s.actor.send(step(t, SYMBOLS, 'elsewhere', () => 1)); // another venue's bars of the same symbols
    }
  }
  assert.equal(s.solves().length, 0, '20 complete steps are 19 returns');
  assert.equal(s.state(), 'watching');
  s.actor.send(step(20));
  assert.equal(s.state(), 'solving');
  const [solve] = s.solves();
  assert.equal(solve!.seed, 7);
  assert.equal(solve!.returns.length, 20);
  for (const row of solve!.returns) {
    assert.equal(row.length, 4);
    near(row[0]!, Math.log(1.01), 'A');
    near(row[1]!, Math.log(0.99), 'B');
    assert.equal(row[2], 0, 'C');
    near(row[3]!, Math.log(1.02), 'D');
  }
});

test('solved: buys the chosen markets and announces the rebalance; rebalancing until every intent is done', () => {
  const s = start();
  for (let t = 0; t <= 20; t++) s.actor.send(step(t));
  s.actor.send(solved());
  assert.equal(s.state(), 'rebalancing');
  const [buys] = s.intents();
  assert.deepEqual(buys!.map((i) => [i.intentId, i.symbol, i.side, i.kind, i.type]), [['qp-s-1', 'B', 'buy', 'open', 'limit'], ['qp-s-2', 'D', 'buy', 'open', 'limit']]);
  near(buys![0]!.price, close('B', 20) * 1.02, 'B limit');
  near(buys![1]!.price, close('D', 20) * 1.02, 'D limit');
  near(buys![0]!.amount, VALUE / close('B', 20), 'B amount');
  near(buys![1]!.amount, VALUE / close('D', 20), 'D amount');
  const [r] = s.rebalanced();
  assert.deepEqual(
    { index: r!.index, value: r!.value, orders: r!.orders, qaoa: r!.qaoa, exact: r!.exact, strategy: r!.strategy, venue: r!.venue, symbols: r!.symbols },
    { index: 1, value: VALUE, orders: 2, qaoa: [0, 1, 0, 1], exact: [1, 0, 0, 1], strategy: 'qp', venue: 'replay', symbols: SYMBOLS },
  );
  assert.deepEqual(r!.closes, SYMBOLS.map((x) => close(x, 20)));

  s.actor.send(step(21));
  s.actor.send(report([updateOf(buys![0]!, 'partially_filled')], [fillOf(buys![0]!)]));
  assert.equal(s.state(), 'rebalancing', 'a partial fill is not done');
  s.actor.send(report([updateOf(buys![0]!, 'filled')], []));
  assert.equal(s.state(), 'rebalancing', 'D still works');
  s.actor.send(filled(buys![1]!));
  assert.equal(s.state(), 'watching');
  const bought = buys!.reduce((a, i) => a + i.price * i.amount * 1.001, 0);
  near(s.ctx().cash, 1000 - bought, 'cash after the fills and their fees');
  assert.deepEqual(s.ctx().holdings, [0, buys![0]!.amount, 0, buys![1]!.amount]);
});

test('a denied intent is done too; the next solve comes exactly rebalanceBars steps after the first, seed + 1', () => {
  const s = start();
  for (let t = 0; t <= 20; t++) s.actor.send(step(t));
  s.actor.send(solved());
  const [buys] = s.intents();
  s.actor.send(filled(buys![0]!));
  s.actor.send(denied(buys![1]!));
  assert.equal(s.state(), 'watching');
  for (let t = 21; t <= 24; t++) s.actor.send(step(t));
  assert.equal(s.solves().length, 1);
  s.actor.send(step(25));
  assert.equal(s.solves().length, 2);
  assert.equal(s.solves()[1]!.seed, 8);
  assert.equal(s.solves()[1]!.returns.length, 20);
  // Holding B only now: choosing {A, B} buys A to 400 and tops B up only if worth more than minTrade.
  s.actor.send(solved({ ...CHOICE, qaoa: [1, 1, 0, 0] }));
  const second = s.intents()[1]!;
  assert.ok(second.some((i) => i.symbol === 'A' && i.side === 'buy' && i.intentId === 'qp-s-3'));
  assert.equal(s.rebalanced()[1]!.index, 2);
});

test('an effect that fails returns it to watching, and the next due step solves again', () => {
  const s = start();
  for (let t = 0; t <= 20; t++) s.actor.send(step(t));
  s.actor.send({ type: 'effect.failed', effect: 'quantum.solve', error: 'boom', ...meta() });
  assert.equal(s.state(), 'watching');
  for (let t = 21; t <= 25; t++) s.actor.send(step(t));
  assert.equal(s.solves().length, 2);
  assert.equal(s.solves()[1]!.seed, 7, 'no rebalance happened');
});

test('risk leaving ACTIVE while holding sells everything; no solve until risk is ACTIVE again', () => {
  const s = holdingBD();
  s.actor.send(risk('REDUCING'));
  assert.equal(s.state(), 'rebalancing');
  const [, sells] = s.intents();
  assert.deepEqual(sells!.map((i) => [i.intentId, i.symbol, i.side, i.kind, i.amount]), [['qp-s-3', 'B', 'sell', 'reduce', s.buys[0]!.amount], ['qp-s-4', 'D', 'sell', 'reduce', s.buys[1]!.amount]]);
  s.actor.send(filled(...sells!));
  assert.equal(s.state(), 'watching');
  assert.deepEqual(s.ctx().holdings, [0, 0, 0, 0]);
  for (let t = 21; t <= 32; t++) s.actor.send(step(t)); // 25 and 30 were due
  assert.equal(s.solves().length, 1);
  s.actor.send(risk('ACTIVE'));
  for (let t = 33; t <= 34; t++) s.actor.send(step(t));
  assert.equal(s.solves().length, 1);
  s.actor.send(step(35));
  assert.equal(s.solves().length, 2);
  assert.equal(s.solves()[1]!.seed, 8);
});

test('a denied exit is not retried until risk has been ACTIVE again', () => {
  const s = holdingBD();
  s.actor.send(risk('REDUCING'));
  const [, sells] = s.intents();
  s.actor.send(denied(...sells!));
  assert.equal(s.state(), 'watching');
  for (let t = 21; t <= 30; t++) s.actor.send(step(t));
  assert.equal(s.intents().length, 2, 'no new intents');
  assert.deepEqual(s.ctx().holdings, [0, s.buys[0]!.amount, 0, s.buys[1]!.amount]);
  s.actor.send(risk('HALTED'));
  assert.equal(s.intents().length, 2, 'REDUCING → HALTED is not a new reason to sell');
  s.actor.send(risk('ACTIVE'));
  s.actor.send(risk('REDUCING'));
  assert.equal(s.intents().length, 3);
  assert.deepEqual(s.intents()[2]!.map((i) => `${i.side} ${i.symbol}`), ['sell B', 'sell D']);
});

test('risk leaving ACTIVE while buys work: once they are done, it sells what they bought', () => {
  const s = start();
  for (let t = 0; t <= 20; t++) s.actor.send(step(t));
  s.actor.send(solved());
  const [buys] = s.intents();
  s.actor.send(risk('REDUCING'));
  s.actor.send(filled(buys![0]!));
  assert.equal(s.intents().length, 1);
  s.actor.send(filled(buys![1]!));
  assert.equal(s.state(), 'rebalancing');
  const [, sells] = s.intents();
  assert.deepEqual(sells!.map((i) => `${i.side} ${i.symbol} ${i.kind}`), ['sell B reduce', 'sell D reduce']);
  s.actor.send(filled(...sells!));
  assert.equal(s.state(), 'watching');
});

test('a buy the market ran away from is cancelled after buyWaitBars own steps, once; when the cancel is done it watches again', () => {
  const s = start();
  for (let t = 0; t <= 20; t++) s.actor.send(step(t));
  s.actor.send(solved());
  const [buys] = s.intents();
  s.actor.send(report(buys!.map((i) => updateOf(i, 'submitted')), []));
  s.actor.send(filled(buys![0]!));
  s.actor.send(step(21));
  s.actor.send(step(21, SYMBOLS, 'elsewhere'));
  assert.equal(s.intents().length, 1, 'one own step: still waiting');
  s.actor.send(step(22));
  assert.equal(s.intents().length, 2);
  const [, cancels] = s.intents();
  assert.deepEqual(cancels, [{ intentId: `o-${buys![1]!.intentId}.cancel`, strategy: 'qp', venue: 'replay', symbol: 'D', side: 'buy', kind: 'cancel', type: 'limit', amount: 0, price: close('D', 22), cancelClientOrderId: `o-${buys![1]!.intentId}` }]);
  s.actor.send(step(23));
  assert.equal(s.intents().length, 2, 'asked once');
  assert.equal(s.state(), 'rebalancing');
  s.actor.send(report([updateOf(buys![1]!, 'cancelled')], []));
  assert.equal(s.state(), 'watching');
  assert.deepEqual(s.ctx().holdings, [0, buys![0]!.amount, 0, 0]);
  assert.deepEqual([s.ctx().resting, s.ctx().cancelling], [{}, []]);
});

test('risk leaving ACTIVE while a buy rests: it is cancelled at once, then what was bought is sold', () => {
  const s = start();
  for (let t = 0; t <= 20; t++) s.actor.send(step(t));
  s.actor.send(solved());
  const [buys] = s.intents();
  s.actor.send(report([updateOf(buys![0]!, 'filled'), updateOf(buys![1]!, 'submitted')], [fillOf(buys![0]!)]));
  s.actor.send(risk('HALTED'));
  const [, cancels] = s.intents();
  assert.deepEqual(cancels!.map((i) => [i.kind, i.cancelClientOrderId]), [['cancel', `o-${buys![1]!.intentId}`]]);
  s.actor.send(report([updateOf(buys![1]!, 'cancelled')], []));
  const [, , sells] = s.intents();
  assert.deepEqual(sells!.map((i) => `${i.side} ${i.symbol} ${i.kind} ${i.type}`), ['sell B reduce market']);
  s.actor.send(filled(...sells!));
  assert.equal(s.state(), 'watching');
});

test('risk leaving ACTIVE while it solves: the answer is not traded and what it holds is sold', () => {
  const s = holdingBD();
  for (let t = 21; t <= 25; t++) s.actor.send(step(t));
  assert.equal(s.state(), 'solving');
  s.actor.send(risk('REDUCING'));
  s.actor.send(solved({ ...CHOICE, qaoa: [1, 1, 0, 0] }));
  assert.equal(s.rebalanced().length, 1, 'no rebalance announced');
  const exit = s.intents()[1];
  assert.deepEqual(exit?.map((i) => `${i.side} ${i.symbol}`), ['sell B', 'sell D']);
  s.actor.send(filled(...exit!));
  assert.equal(s.state(), 'watching');
});

test('fills and updates of another strategy do not move it', () => {
  const s = start();
  for (let t = 0; t <= 20; t++) s.actor.send(step(t));
  s.actor.send(solved());
  const [buys] = s.intents();
  const foreign = buys!.map((i) => ({ ...i, strategy: 'other' }));
  s.actor.send(filled(...foreign));
  assert.equal(s.state(), 'rebalancing');
  assert.deepEqual(s.ctx().holdings, [0, 0, 0, 0]);
  assert.equal(s.ctx().cash, 1000);
});
