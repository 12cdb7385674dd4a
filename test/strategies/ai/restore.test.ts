import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { loadCandles } from '../../../actors/market-data/candles/load-candles.js';
import type { Candle } from '../../../actors/market-data/types.js';
import type { Message } from '../../../actors/runtime/messages.js';
import { createAiMachine, type AiEmitted } from '../../../actors/strategies/ai/ai.machine.js';
import { modelPredictor } from '../../../actors/strategies/ai/model-predictor.js';
import { aiInput, momentum, storedModel, withId } from '../../support/stand-in-model.js';

const series = loadCandles('data/candles/BTC_USDT-1m-2021-02-19_week.json');
const candles = series.candles.slice(0, 700);
const stored = withId(storedModel(momentum.model().save(), momentum.scaler));
const input = aiInput(series.symbol, { fraction: 0.5, maxRisk: 0.2 });

/** A machine over a fresh predictor (as a new process builds it), driven bar by bar; every order fills at its close at once. */
function driver(snapshot?: unknown) {
  const machine = createAiMachine('ai', modelPredictor(stored, momentum.model()));
  const actor = createActor(machine, { input, snapshot: snapshot as never });
  const emitted: AiEmitted[] = [];
  actor.on('order.intents', (e) => emitted.push(e));
  actor.start();
  let id = 0;
  const meta = () => ({ id: `m${++id}`, correlationId: 'c', ts: id });
  const decisions: string[] = [];
  const bar = (candle: Candle) => {
    const sent = emitted.length;
    actor.send({ type: 'candle.closed', venue: 'replay', symbol: series.symbol, candle, ...meta() } satisfies Message as never);
    const intent = emitted[sent]?.intents[0];
    if (!intent) return;
    decisions.push(`${candle.ts} ${intent.side} ${intent.amount} ${actor.getSnapshot().context.lastExit ?? ''}`);
    const fill = { fillId: `f${id}`, clientOrderId: `o${id}`, intentId: intent.intentId, strategy: 'ai', venue: 'replay', symbol: series.symbol, side: intent.side, price: candle.close, amount: intent.amount, fee: 0, liquidity: 'taker' as const, ts: candle.ts };
    const update = { clientOrderId: fill.clientOrderId, intentId: intent.intentId, strategy: 'ai', venue: 'replay', symbol: series.symbol, side: intent.side, status: 'filled' as const, filled: intent.amount, amount: intent.amount };
    actor.send({ type: 'orders.updated', updates: [update], fills: [fill], ...meta() } satisfies Message as never);
  };
  return { actor, bar, decisions };
}

test('a machine restored from its persisted snapshot mid-position, over a rebuilt predictor, makes the same decisions', () => {
  const original = driver();
  let cut = -1;
  for (let i = 0; i < candles.length; i++) {
    original.bar(candles[i]!);
    if (cut < 0 && i > 300 && original.actor.getSnapshot().value === 'long') cut = i + 1;
    if (cut > 0) break;
  }
  assert.ok(cut > 0, 'the momentum model went long');
  const persisted = JSON.parse(JSON.stringify(original.actor.getPersistedSnapshot())) as { value: string; context: { bars: Candle[] } };
  assert.equal(persisted.value, 'long');
  assert.ok(persisted.context.bars.length > 100, 'the snapshot carries the bar buffer');

  const restored = driver(persisted);
  const before = original.decisions.length;
  for (const candle of candles.slice(cut)) {
    original.bar(candle);
    restored.bar(candle);
  }
  const after = original.decisions.slice(before);
  assert.ok(after.length >= 4, `it kept trading after the cut (${after.length} decisions)`);
  assert.deepEqual(restored.decisions, after);
  assert.deepEqual(restored.actor.getSnapshot().context, original.actor.getSnapshot().context);
});
