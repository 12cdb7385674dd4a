import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { createAiMachine, type AiContext, type AiEmitted, type AiInput, type ExitGuard } from '../../../actors/strategies/ai/ai.machine.js';
import { REGIME_BARS } from '../../../actors/strategies/ai/regime.js';
import type { Message, PatternSignal } from '../../../actors/runtime/messages.js';
import type { Fill, OrderUpdate } from '../../../actors/ledger/types.js';

/** A predictor the test sets bar by bar. */
let p: number | null = 0.5;
const machine = createAiMachine('ai', { history: 0, predict: () => p });

const BASE: AiInput = {
  strategy: 'ai',
  venue: 'replay',
  symbol: 'X/Y',
  capital: 1000,
  feeRate: 0.001,
  fraction: 0.5,
  params: { threshold: 0.05, profitTarget: 0.02, stopLoss: 0.01, maxRisk: 0.1, regimes: ['trending-up', 'trending-down', 'ranging'], patternBars: 3 },
  patternActor: false,
};

let seq = 0;
const meta = () => ({ id: `t${++seq}`, correlationId: 'c', ts: seq });
const candle = (close: number, volume = 100, symbol = 'X/Y'): Message => ({ type: 'candle.closed', venue: 'replay', symbol, candle: { ts: seq * 60_000, open: close, high: close, low: close, close, volume }, ...meta() });
const pattern = (type: 'pattern.detected' | 'pattern.invalidated', s: Partial<PatternSignal> = {}): Message =>
  ({ type, symbol: 'X/Y', patternId: 'harmonic:gartley:1:5', family: 'harmonic', direction: 'bullish', name: 'gartley', points: [], ratios: {}, invalidation: 95, ...meta(), ...s }) as Message;
const fillOf = (f: Partial<Fill>): Fill => ({ fillId: 'f', clientOrderId: 'o', intentId: 'i', strategy: 'ai', venue: 'replay', symbol: 'X/Y', side: 'buy', price: 100, amount: 1, fee: 0, liquidity: 'taker', ts: 0, ...f });
const orderOf = (status: OrderUpdate['status'], side: 'buy' | 'sell'): OrderUpdate => ({ clientOrderId: 'o', intentId: 'i', strategy: 'ai', venue: 'replay', symbol: 'X/Y', side, status, filled: 1, amount: 1 });
const filled = (side: 'buy' | 'sell', price: number, amount: number): Message => ({ type: 'orders.updated', updates: [orderOf('filled', side)], fills: [fillOf({ side, price, amount })], ...meta() });

function start(input: AiInput = BASE, snapshot?: unknown) {
  const actor = createActor(machine, { input, snapshot: snapshot as never });
  const emitted: AiEmitted[] = [];
  actor.on('order.intents', (e) => emitted.push(e));
  actor.start();
  const send = (...ms: Message[]) => ms.forEach((m) => actor.send(m as never));
  return { actor, emitted, send, value: () => actor.getSnapshot().value, context: (): AiContext => actor.getSnapshot().context };
}

/** REGIME_BARS bars closing alternately at 100 and 100.1: a quiet, ranging market the regime classifier can judge. */
function warmedUp(input: AiInput = BASE) {
  const s = start(input);
  p = 0.5;
  for (let i = 0; i < REGIME_BARS; i++) s.send(candle(i % 2 === 0 ? 100 : 100.1));
  assert.equal(s.context().regime, 'ranging');
  assert.equal(s.value(), 'flat');
  return s;
}

/** The warmed-up machine restored with its context changed by `edit`. */
function warmedUpWith(edit: (context: AiContext) => void) {
  const snapshot = JSON.parse(JSON.stringify(warmedUp().actor.getPersistedSnapshot())) as { context: AiContext };
  edit(snapshot.context);
  return start(BASE, snapshot);
}

test('every entry condition holding, it buys fraction × cash at the close', () => {
  const s = warmedUp();
  p = 0.6;
  s.send(candle(100));
  assert.equal(s.value(), 'entering');
  const buy = s.emitted[0]!.intents[0]!;
  assert.equal(buy.side, 'buy');
  assert.equal(buy.intentId, 'ai-1');
  assert.ok(Math.abs(buy.amount - (1000 * 0.5) / (100 * 1.001)) < 1e-9);
  assert.equal(s.context().pUp, 0.6);
});

test('the entry is refused when any one condition fails alone', async (t) => {
  const refusals: Array<[string, () => ReturnType<typeof start>, () => void]> = [
    ['signalStrong: P(up) - 0.5 below the threshold', () => warmedUp(), () => (p = 0.54)],
    ['signalStrong: no prediction yet', () => warmedUp(), () => (p = null)],
    ['riskBelowMax: equity 1000 is 16.7% below a peak of 1200', () => warmedUpWith((c) => (c.peakEquity = 1200)), () => (p = 0.6)],
    ['regimeFavourable: a regime not listed in params', () => warmedUp({ ...BASE, params: { ...BASE.params, regimes: ['trending-up'] } }), () => (p = 0.6)],
    ['patternConfirmed: a pattern actor runs and saw no bullish pattern', () => warmedUp({ ...BASE, patternActor: true }), () => (p = 0.6)],
    ['hasCash: no cash', () => warmedUpWith((c) => Object.assign(c, { cash: 0, peakEquity: 0 })), () => (p = 0.6)],
  ];
  for (const [name, make, set] of refusals) {
    await t.test(name, () => {
      const s = make();
      set();
      s.send(candle(100));
      assert.equal(s.value(), 'flat');
      assert.equal(s.emitted.length, 0);
    });
  }
  await t.test('liquiditySufficient: 500 of notional needs 5000 of the bar\'s quote volume', () => {
    const s = warmedUp();
    p = 0.6;
    s.send(candle(100, 49.9));
    assert.equal(s.value(), 'flat');
    s.send(candle(100.1, 50));
    assert.equal(s.value(), 'entering', 'exactly 10% of the bar is enough');
  });
  await t.test('regimeFavourable: a volatility spike is high-volatility', () => {
    const s = warmedUp();
    p = 0.6;
    s.send(candle(103));
    assert.equal(s.context().regime, 'high-volatility');
    assert.equal(s.value(), 'flat');
  });
  await t.test('regimeFavourable: no regime before REGIME_BARS bars', () => {
    const s = start();
    p = 0.6;
    for (let i = 0; i < REGIME_BARS - 1; i++) s.send(candle(i % 2 === 0 ? 100 : 100.1));
    assert.equal(s.context().regime, null);
    assert.equal(s.value(), 'flat');
  });
});

test('with a pattern actor, a bullish pattern of this market in the last patternBars bars confirms the entry', async (t) => {
  const input = { ...BASE, patternActor: true };
  await t.test('a fresh bullish pattern confirms and becomes the entry pattern', () => {
    const s = warmedUp(input);
    s.send(pattern('pattern.detected'), candle(100.1));
    p = 0.6;
    s.send(candle(100));
    assert.equal(s.value(), 'entering');
    assert.deepEqual(s.context().entryPattern, { id: 'harmonic:gartley:1:5', name: 'gartley', invalidation: 95, bar: REGIME_BARS });
  });
  const refused: Array<[string, (s: ReturnType<typeof start>) => void]> = [
    ['a bearish pattern', (s) => s.send(pattern('pattern.detected', { direction: 'bearish' }))],
    ["another market's pattern", (s) => s.send(pattern('pattern.detected', { symbol: 'Z/Y' }))],
    ['a pattern older than patternBars bars', (s) => s.send(pattern('pattern.detected'), candle(100.1), candle(100), candle(100.1))],
    ['a pattern invalidated since', (s) => s.send(pattern('pattern.detected'), pattern('pattern.invalidated'))],
  ];
  for (const [name, before] of refused) {
    await t.test(`${name} does not`, () => {
      const s = warmedUp(input);
      before(s);
      p = 0.6;
      s.send(candle(100));
      assert.equal(s.value(), 'flat');
    });
  }
});

/** Long 5 units bought at 100 (of 1000 cash: 500 left), entered on a bullish `gartley` pattern invalidated below 99.5. */
function holding(input: AiInput = { ...BASE, patternActor: true }) {
  const s = warmedUp(input);
  if (input.patternActor) s.send(pattern('pattern.detected', { invalidation: 99.5 }));
  p = 0.6;
  s.send(candle(100));
  const amount = s.emitted[0]!.intents[0]!.amount;
  s.send(filled('buy', 100, amount));
  assert.equal(s.value(), 'long');
  assert.equal(s.context().entryPrice, 100);
  p = 0.5;
  return s;
}

test('each exit guard sells the whole position on its own and is named in lastExit', async (t) => {
  const exits: Array<[ExitGuard, () => ReturnType<typeof start>, (s: ReturnType<typeof start>) => void]> = [
    ['profitTargetReached', () => holding(), (s) => s.send(candle(102))],
    ['stopLossHit', () => holding(), (s) => s.send(candle(99))],
    ['riskExceeded', () => holding({ ...BASE, fraction: 1, params: { ...BASE.params, maxRisk: 0.02, stopLoss: 0.5 } }), (s) => s.send(candle(97.5))],
    ['patternInvalidated', () => holding(), (s) => s.send(pattern('pattern.invalidated'))],
    ['patternInvalidated', () => holding(), (s) => s.send(candle(99.4))],
    ['signalBearish', () => holding(), (s) => {
      p = 0.44;
      s.send(candle(100));
    }],
  ];
  for (const [guard, make, trigger] of exits) {
    await t.test(guard, () => {
      const s = make();
      trigger(s);
      assert.equal(s.value(), 'exiting');
      assert.equal(s.context().lastExit, guard);
      const sell = s.emitted[1]!.intents[0]!;
      assert.equal(sell.side, 'sell');
      assert.equal(sell.amount, s.context().position);
      s.send(filled('sell', 100, sell.amount));
      assert.equal(s.value(), 'flat');
      assert.equal(s.context().entryPrice, null);
      assert.equal(s.context().entryPattern, null);
    });
  }
  await t.test('none of them: it holds', () => {
    const s = holding();
    p = 0.46;
    s.send(candle(101.9), candle(99.6), pattern('pattern.invalidated', { patternId: 'wyckoff:accumulation:1:spring', name: 'spring' }), pattern('pattern.invalidated', { symbol: 'Z/Y' }));
    assert.equal(s.value(), 'long');
    assert.equal(s.emitted.length, 1);
  });
});

test('buys at different prices average into the entry price; a denial returns to where the order came from', () => {
  const s = warmedUp();
  p = 0.6;
  s.send(candle(100));
  s.send({ type: 'orders.updated', updates: [], fills: [fillOf({ price: 100, amount: 1 })], ...meta() });
  s.send(filled('buy', 103, 3));
  assert.equal(s.value(), 'long');
  assert.ok(Math.abs(s.context().entryPrice! - (100 + 3 * 103) / 4) < 1e-12);
  p = 0.4;
  s.send(candle(102.2));
  assert.equal(s.value(), 'exiting');
  s.send({ type: 'orders.denied', denials: [{ intent: s.emitted[1]!.intents[0]!, reason: 'POSITION_LIMIT', detail: 'x' }], ...meta() });
  assert.equal(s.value(), 'long');
});
