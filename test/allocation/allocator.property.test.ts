import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createActor } from 'xstate';
import { allocatorMachine, type AllocatorEmitted } from '../../machines/allocator.machine.js';
import { FAMILIES, type Weights } from '../../actors/allocation/family.js';
import { defaultConfig } from '../../config/load.js';

/**
 * Whatever the families earn, whichever of them run and wherever the floor and cap sit: every reallocation keeps the
 * whole allocation (the running families' new weights plus the static weights of the others) at most 1, and each
 * running family within [floor, cap] (the floor gives way to the equal split when the families' share cannot hold it).
 */
test('property: total allocation never exceeds 1 and each running family stays within its bounds', () => {
  const scenario = fc.record({
    raw: fc.tuple(...FAMILIES.map(() => fc.integer({ min: 1, max: 100 }))),
    running: fc.subarray([...FAMILIES], { minLength: 1 }),
    bounds: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
    steps: fc.array(fc.tuple(...FAMILIES.map(() => fc.double({ min: -50, max: 50, noNaN: true }))), { minLength: 5, maxLength: 40 }),
  });
  let decisions = 0;
  fc.assert(
    fc.property(scenario, ({ raw, running, bounds, steps }) => {
      const sum = raw.reduce((a, b) => a + b, 0);
      const staticWeights = Object.fromEntries(FAMILIES.map((f, i) => [f, raw[i]! / sum])) as Required<Weights>;
      const [floor, cap] = bounds[0] <= bounds[1] ? bounds : [bounds[1], bounds[0]];
      const settings = { ...defaultConfig().allocator, windowSamples: 10, minSamples: 3, shrinkage: 2, floor, cap, minIntervalMs: 0 };
      const weights = Object.fromEntries(running.map((f) => [f, staticWeights[f]]));
      const actor = createActor(allocatorMachine, { input: { settings, weights, totalCapital: 10_000 } });
      const decided: AllocatorEmitted[] = [];
      actor.on('*', (e) => decided.push(e as AllocatorEmitted));
      actor.start();
      const equity = Object.fromEntries(running.map((f) => [f, 10_000 * staticWeights[f]]));
      steps.forEach((step, i) => {
        running.forEach((f) => (equity[f]! += step[FAMILIES.indexOf(f)]!));
        actor.send({ type: 'allocation.sample', equities: { ...equity }, id: `s${i}`, correlationId: `s${i}`, ts: i * 5_000 });
      });
      const share = running.reduce((a, f) => a + staticWeights[f], 0);
      const others = 1 - share;
      const lo = Math.min(floor, share / running.length);
      for (const d of decided) {
        decisions += 1;
        assert.deepEqual(Object.keys(d.after).sort(), [...running].sort(), 'only running families are reallocated');
        const total = others + running.reduce((a, f) => a + d.after[f]!, 0);
        assert.ok(total <= 1 + 1e-12, `total allocation ${total} > 1`);
        for (const f of running) {
          assert.ok(d.after[f]! <= cap + 1e-12, `${f} ${d.after[f]} above cap ${cap}`);
          assert.ok(d.after[f]! >= lo - 1e-12, `${f} ${d.after[f]} below floor ${lo}`);
        }
      }
    }),
    { numRuns: 500, seed: 20260105 },
  );
  assert.ok(decisions > 100, `the scenarios reallocated (${decisions} decisions)`);
});
