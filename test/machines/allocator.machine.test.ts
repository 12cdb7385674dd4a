import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { allocatorMachine, type AllocatorEmitted, type AllocatorInput } from '../../machines/allocator.machine.js';
import { describeAllocation, type AllocatorState } from '../../actors/allocation/describe-allocation.js';
import { defaultConfig } from '../../config/load.js';
import type { Family } from '../../actors/allocation/family.js';
import { recordedEquities } from '../allocation/recorded-pnl.js';

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
const EVERY = 5_000;
const settings = { ...defaultConfig().allocator, windowSamples: 10, minSamples: 5, shrinkage: 5, floor: 0.05, cap: 0.5, minIntervalMs: 60_000 };
const weights = { flash_loans: 0.3, arbitrage: 0.2, market_making: 0.2 };
const input: AllocatorInput = { settings, weights, totalCapital: 10_000 };
const start = { flash_loans: 3_000, arbitrage: 2_000, market_making: 2_000 };
/** Arbitrage gains steadily, market making a little with noise, flash loans lose. */
const steps = { arbitrage: [3, 2.9], market_making: [2, 0], flash_loans: [-2, -1] };

function run(equities: readonly Partial<Record<Family, number>>[], over: Partial<AllocatorInput> = {}) {
  const actor = createActor(allocatorMachine, { input: { ...input, ...over } });
  const decided: (AllocatorEmitted & { at: number })[] = [];
  let now = T0;
  actor.on('*', (e) => decided.push({ ...(e as AllocatorEmitted), at: now }));
  actor.start();
  const states: string[] = [];
  equities.forEach((e, i) => {
    now = T0 + i * EVERY;
    actor.send({ type: 'allocation.sample', equities: e, id: `s${i}`, correlationId: `s${i}`, ts: now });
    states.push(String(actor.getSnapshot().value));
  });
  const snapshot = actor.getSnapshot();
  return { decided, states, snapshot, why: describeAllocation(snapshot.value as AllocatorState, snapshot.context) };
}

const round = (w: Partial<Record<Family, number>>) => Object.fromEntries(Object.entries(w).map(([f, x]) => [f, Math.round(x * 1e12) / 1e12]));

test('static until every running family has minSamples returns, then the winner rises to the cap and the loser falls to the floor', () => {
  const { decided, states } = run(recordedEquities(start, steps, 6));
  assert.deepEqual(states, ['STATIC', 'STATIC', 'STATIC', 'STATIC', 'STATIC', 'LEARNING'], 'five returns after six samples');
  assert.equal(decided.length, 1);
  const [d] = decided;
  assert.equal(d!.at, T0 + 5 * EVERY);
  assert.deepEqual(d!.before, weights);
  // Arbitrage's Sharpe is far above market making's: capped at 0.5; flash loans (negative) at the floor 0.05;
  // market making takes the rest of the running families' 0.7.
  assert.deepEqual(round(d!.after), { flash_loans: 0.05, arbitrage: 0.5, market_making: 0.15 });
  const arb = d!.inputs.arbitrage!;
  assert.equal(arb.samples, 5);
  assert.ok(Math.abs(arb.mean - (3 * 3 + 2 * 2.9) / 5 / 2_000) < 1e-15);
  assert.ok(Math.abs(arb.shrunk - arb.sharpe * (5 / 10)) < 1e-12, 'shrunk by n / (n + k) = 5 / 10');
  assert.ok(d!.inputs.flash_loans!.shrunk < 0);
});

test('the same recorded P&L twice gives identical decisions', () => {
  const regimeChange = { arbitrage: [3, 2.9], market_making: [2, 0], flash_loans: [-2, -1] };
  const series = [...recordedEquities(start, regimeChange, 20), ...recordedEquities({ flash_loans: 3_000, arbitrage: 2_100, market_making: 2_000 }, { arbitrage: [-5, -1], market_making: [1, 4], flash_loans: [0.5, 0.7] }, 20)];
  const first = run(series);
  const second = run(series);
  assert.ok(first.decided.length >= 2, `a second regime brings another reallocation (got ${first.decided.length})`);
  assert.deepEqual(second.decided, first.decided);
  assert.deepEqual(second.states, first.states);
});

test('no change comes sooner than minIntervalMs after the last, and the summary says when the next may come', () => {
  const series = [...recordedEquities(start, steps, 8), ...recordedEquities({ flash_loans: 3_000, arbitrage: 2_100, market_making: 2_000 }, { arbitrage: [-5, -1], market_making: [1, 4], flash_loans: [0.5, 0.7] }, 4)];
  const { decided, why } = run(series);
  assert.equal(decided.length, 1, 'the regime changed 15 s after the first reallocation, within the 60 s interval');
  assert.match(why, /^learning: the next change may come at 2026-01-05T12:01:25\.000Z/);
  const later = run(series, { settings: { ...settings, minIntervalMs: 10_000 } });
  assert.ok(later.decided.length >= 2, 'with a 10 s interval the new regime is followed');
  for (let i = 1; i < later.decided.length; i++) assert.ok(later.decided[i]!.at - later.decided[i - 1]!.at >= 10_000);
  assert.ok(later.decided[1]!.after.arbitrage! < later.decided[0]!.after.arbitrage!, 'arbitrage lost: its weight came down');
});

test('static says which family is short of samples; off ignores every sample', () => {
  const warming = run(recordedEquities(start, steps, 3));
  assert.equal(warming.why, 'static: 2 of 5 samples for flash_loans, 2 of 5 samples for arbitrage, 2 of 5 samples for market_making');
  const off = run(recordedEquities(start, steps, 12), { settings: { ...settings, enabled: false } });
  assert.deepEqual(off.states.at(-1), 'OFF');
  assert.equal(off.decided.length, 0);
  assert.deepEqual(off.snapshot.context.weights, weights);
  assert.equal(off.why, 'static: the allocator is off (allocator.enabled: false)');
});

test('when no running family has a positive shrunk Sharpe the weights stay', () => {
  const losing = run(recordedEquities(start, { arbitrage: [-1, -2], market_making: [0, 0], flash_loans: [-1, 0] }, 12));
  assert.equal(losing.decided.length, 0);
  assert.deepEqual(losing.snapshot.context.weights, weights);
  assert.equal(losing.why, 'learning: no running family has a positive shrunk Sharpe ratio, weights kept');
});
