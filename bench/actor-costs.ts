/**
 * Where the backtest's actor time goes: the sma-cross run of bench/backtest.ts with XState's `send` timed per
 * (actor, message type). Timing every send slows the run, so read the shares, not the totals.
 */
import { createActor, setup } from 'xstate';
import { runBacktest } from '../actors/backtest/run-backtest.js';
import { fillModel } from '../actors/venues/replay/fill-model.js';
import { smaCrossStrategies } from './backtest.js';

type Send = (event: { type: string }) => void;

/** Wraps the shared Actor prototype's send; returns the totals and a function that restores it. */
function timeSends(): { totals: Map<string, { ms: number; count: number }>; restore: () => void } {
  const proto = Object.getPrototypeOf(createActor(setup({}).createMachine({}))) as { send: Send };
  const original = proto.send;
  const totals = new Map<string, { ms: number; count: number }>();
  proto.send = function (this: { id: string }, event) {
    const t0 = performance.now();
    original.call(this, event);
    const key = `${this.id.split(':')[0]} ← ${event.type}`;
    const entry = totals.get(key) ?? { ms: 0, count: 0 };
    entry.ms += performance.now() - t0;
    entry.count += 1;
    totals.set(key, entry);
  };
  return { totals, restore: () => void (proto.send = original) };
}

export async function benchActorCosts(): Promise<Record<string, unknown>> {
  const strategies = smaCrossStrategies();
  const run = () => runBacktest({ strategies, model: fillModel('optimistic', 0.001), venueId: 'replay', host: 'trading' });
  await run(); // warm-up, untimed
  const { totals, restore } = timeSends();
  try {
    await run();
  } finally {
    restore();
  }
  const all = [...totals.values()].reduce((a, e) => a + e.ms, 0);
  const rows = [...totals]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([key, e]) => ({ delivery: key, count: e.count, usEach: +((e.ms * 1_000) / e.count).toFixed(1), share: +(e.ms / all).toFixed(3) }));
  return { sendsMs: Math.round(all), rows };
}
