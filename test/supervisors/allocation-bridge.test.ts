import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActorSystem } from '../../actors/runtime/system.js';
import { SimulatedClock } from '../../actors/runtime/clock.js';
import { riskActor } from '../../actors/risk/risk-actor.js';
import { openStore } from '../../actors/ledger/storage/store.js';
import { AllocationJournal } from '../../actors/ledger/storage/allocation-journal.js';
import type { Family } from '../../actors/allocation/family.js';
import type { RiskContext } from '../../machines/risk.machine.js';
import { defaultConfig } from '../../config/load.js';
import { AllocationBridge, type AllocationFamily } from '../../supervisors/allocation-bridge.js';
import { recordedEquities } from '../allocation/recorded-pnl.js';
import { tempDbFile } from '../ledger/storage/temp-db.js';

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
const round = (x: number) => Math.round(x * 1e9) / 1e9;
const rounded = (w: Partial<Record<Family, number>>) => Object.fromEntries(Object.entries(w).map(([f, x]) => [f, round(x)]));
const settings = { ...defaultConfig().allocator, windowSamples: 10, minSamples: 3, shrinkage: 0, floor: 0.1, cap: 0.9, minIntervalMs: 0 };
/** Arbitrage gains, market making loses; both start with 2,000 of 10,000. */
const series = recordedEquities({ arbitrage: 2_000, market_making: 2_000 }, { arbitrage: [3, 2], market_making: [-1, -2] }, 4);

/** Two families, each its own actor system (nact-dispatched, as live) with a real risk actor; every capital message logged in order. */
function twoFamilies() {
  const log: string[] = [];
  let at = 0;
  const family = (name: Family): AllocationFamily => {
    const system = new ActorSystem({ clock: new SimulatedClock(T0) });
    system.spawn(riskActor({ capital: 2_000, startTs: T0 }));
    system.observe((m) => {
      if (m.type === 'risk.capital' || m.type === 'risk.capitalChanged') log.push(`${name} ${m.type} ${round(m.capital)}`);
    });
    return { system, capital: 2_000, equity: () => series[at]![name]! };
  };
  const arbitrage = family('arbitrage');
  const marketMaking = family('market_making');
  const families = { flash_loans: undefined, arbitrage, market_making: marketMaking, ai_trading: undefined, quantum_trading: undefined };
  const bookOf = (f: AllocationFamily) => (f.system.actor('risk')!.snapshot() as { context: RiskContext }).context.book;
  const sampleAll = async (bridge: AllocationBridge) => {
    for (at = 0; at < series.length; at++) await bridge.sample(T0 + at * 5_000);
  };
  return { log, arbitrage, marketMaking, families, bookOf, sampleAll };
}

test('a reallocation shrinks the loser through its risk actor first, and grows the winner only once the shrink is confirmed; it is journaled', async () => {
  const { log, arbitrage, marketMaking, families, bookOf, sampleAll } = twoFamilies();
  const store = openStore(tempDbFile());
  const bridge = new AllocationBridge({ families, totalCapital: 10_000, settings, store, session: 's1' });
  assert.match(bridge.summary().why, /^static: 0 of 3 samples for arbitrage, 0 of 3 samples for market_making$/);
  await sampleAll(bridge);

  // Running share 0.4; market making (no positive score) at the floor 0.1, arbitrage the rest (under its cap 0.9).
  assert.deepEqual(log, [
    'market_making risk.capital 1000', 'market_making risk.capitalChanged 1000',
    'arbitrage risk.capital 3000', 'arbitrage risk.capitalChanged 3000',
  ]);
  assert.equal(bookOf(marketMaking).capital, 1_000);
  assert.equal(round(bookOf(arbitrage).capital), 3_000);
  const summary = bridge.summary();
  assert.equal(summary.state, 'LEARNING');
  assert.deepEqual(rounded(summary.weights), { arbitrage: 0.3, market_making: 0.1 });
  assert.deepEqual(summary.samples, { arbitrage: 3, market_making: 3 });
  assert.deepEqual(summary.reallocations.map((r) => ({ ...r, after: rounded(r.after) })), [
    { ts: T0 + 15_000, before: { arbitrage: 0.2, market_making: 0.2 }, after: { arbitrage: 0.3, market_making: 0.1 }, outcome: 'applied' },
  ]);

  const [row, ...rest] = new AllocationJournal(store.runtimeDb).list('s1');
  assert.equal(rest.length, 0);
  assert.equal(row!.ts, T0 + 15_000);
  assert.deepEqual(rounded(row!.after), { arbitrage: 0.3, market_making: 0.1 });
  assert.equal(row!.outcome, 'applied');
  assert.equal(row!.detail, 'shrank market_making, then grew arbitrage');
  assert.equal(row!.inputs.arbitrage!.samples, 3);
  assert.equal(row!.inputs.arbitrage!.mean, (3 + 2 + 3) / 3 / 2_000);
  assert.ok(row!.inputs.market_making!.shrunk! < 0);
  assert.deepEqual(new AllocationJournal(store.runtimeDb).list('another session'), []);
  const journaled = store.equity.ofSession('s1');
  for (const f of ['arbitrage', 'market_making'] as const) {
    assert.deepEqual(journaled.filter((p) => p.book === f).map((p) => [p.ts, p.equity]), series.map((e, i) => [T0 + i * 5_000, e[f]]), `${f}: every sample journaled`);
  }

  await bridge.shutdown();
  await arbitrage.system.shutdown();
  await marketMaking.system.shutdown();
  store.close();
});

test('when a shrink is not confirmed, no family grows and the journal says so', async () => {
  const { log, arbitrage, marketMaking, families, bookOf, sampleAll } = twoFamilies();
  marketMaking.system.actor('risk')!.stop('family halted');
  const store = openStore(tempDbFile());
  const bridge = new AllocationBridge({ families, totalCapital: 10_000, settings, store, session: 's2', confirmTimeoutMs: 50 });
  await sampleAll(bridge);

  assert.deepEqual(log, ['market_making risk.capital 1000']);
  assert.equal(bookOf(arbitrage).capital, 2_000);
  assert.deepEqual(bridge.summary().weights, { arbitrage: 0.2, market_making: 0.2 }, 'what the risk actors hold');
  const [row] = new AllocationJournal(store.runtimeDb).list('s2');
  assert.equal(row!.outcome, 'grows-skipped');
  assert.equal(row!.detail, 'no confirmation from the risk actor of market_making within 50 ms: arbitrage kept their capital');

  await bridge.shutdown();
  await arbitrage.system.shutdown();
  await marketMaking.system.shutdown();
  store.close();
});

test('turned off, the allocator reads the samples but never moves capital', async () => {
  const { log, arbitrage, marketMaking, families, sampleAll } = twoFamilies();
  const store = openStore(tempDbFile());
  const bridge = new AllocationBridge({ families, totalCapital: 10_000, settings: { ...settings, enabled: false }, store, session: 's3' });
  await sampleAll(bridge);
  assert.deepEqual(log, []);
  assert.equal(store.equity.ofSession('s3').length, 2 * series.length, 'the samples are still journaled: they are the equity curves');
  const summary = bridge.summary();
  assert.deepEqual({ enabled: summary.enabled, state: summary.state, why: summary.why, reallocations: summary.reallocations }, {
    enabled: false, state: 'OFF', why: 'static: the allocator is off (allocator.enabled: false)', reallocations: [],
  });
  await bridge.shutdown();
  await arbitrage.system.shutdown();
  await marketMaking.system.shutdown();
  store.close();
});
