import { and, assign, enqueueActions, setup } from 'xstate';
import type { Message } from '../actors/runtime/messages.js';
import { familiesOf, totalOf, type AllocatorSettings, type Family, type Weights } from '../actors/allocation/family.js';
import { appendSample, EMPTY_HISTORY, returnsOf, type FamilyHistory } from '../actors/allocation/family-history.js';
import { shrunkSharpe, type SharpeInputs } from '../actors/allocation/shrunk-sharpe.js';
import { targetWeights } from '../actors/allocation/target-weights.js';

/** One reallocation: the weights before and after, and each running family's measured performance behind it. */
export interface Reallocation {
  before: Weights;
  after: Weights;
  inputs: Partial<Record<Family, SharpeInputs>>;
}

declare module '../actors/runtime/messages.js' {
  interface MessageMap {
    /**
     * Bridge → allocator: every running family's equity at one instant (the message's ts), each the family's starting
     * capital plus its P&L: a reallocation moves neither.
     */
    'allocation.sample': { equities: Partial<Record<Family, number>> };
    /** Allocator → bridge: move capital; the bridge shrinks the losers through their risk actors before growing the others. */
    'allocation.decided': Reallocation;
  }
}

/** Weights closer than this to the target (in share of total capital) are left alone: no churn for noise. */
export const MIN_WEIGHT_CHANGE = 1e-3;

export interface AllocatorInput {
  settings: AllocatorSettings;
  /** Starting weights of the running families (a family not running has no entry and takes no part). */
  weights: Weights;
  /** The whole capital the weights are shares of. */
  totalCapital: number;
}

export interface AllocatorContext {
  settings: AllocatorSettings;
  running: Family[];
  totalCapital: number;
  /** The running families' starting total: every reallocation keeps it, so the whole allocation stays ≤ 1. */
  share: number;
  weights: Weights;
  histories: Partial<Record<Family, FamilyHistory>>;
  /** Each running family's performance at the last sample. */
  inputs: Partial<Record<Family, SharpeInputs>>;
  /** Where the weights should go after the last sample; undefined while warming up or when no family has a positive score. */
  target: Weights | undefined;
  /** Time of the last sample. */
  now: number;
  lastChangeTs: number | undefined;
}

export type AllocatorEvent = Message<'allocation.sample'>;
export type AllocatorEmitted = { type: 'allocation.decided' } & Reallocation;

function recordSample(context: AllocatorContext, event: AllocatorEvent): Partial<AllocatorContext> {
  const { settings, totalCapital, weights } = context;
  const histories = { ...context.histories };
  const inputs: Partial<Record<Family, SharpeInputs>> = {};
  for (const f of context.running) {
    const equity = event.equities[f];
    const history = histories[f] ?? EMPTY_HISTORY;
    histories[f] = equity === undefined ? history : appendSample(history, equity, totalCapital * weights[f]!, settings.windowSamples);
    inputs[f] = shrunkSharpe(returnsOf(histories[f]!), settings.shrinkage);
  }
  const shrunk = Object.fromEntries(context.running.map((f) => [f, inputs[f]!.shrunk]));
  const warm = context.running.every((f) => inputs[f]!.samples >= settings.minSamples);
  const target = warm ? targetWeights(context.running, shrunk, context.share, settings) : undefined;
  return { histories, inputs, target, now: event.ts };
}

/** The largest change any running family's weight would see. */
export function largestMove(from: Weights, to: Weights): number {
  let largest = 0;
  for (const f of familiesOf(to)) largest = Math.max(largest, Math.abs((to[f] ?? 0) - (from[f] ?? 0)));
  return largest;
}

/**
 * Allocation lifecycle. OFF: the config turned the allocator off; samples are ignored. STATIC: some running family
 * has fewer than minSamples returns, the starting weights hold. LEARNING: every sample recomputes the target weights;
 * they are adopted (and `allocation.decided` emitted) when they moved by more than MIN_WEIGHT_CHANGE and at least
 * minIntervalMs passed since the last change. Pure: time is the samples' timestamps.
 */
export const allocatorMachine = setup({
  types: { context: {} as AllocatorContext, events: {} as AllocatorEvent, emitted: {} as AllocatorEmitted, input: {} as AllocatorInput },
  guards: {
    off: ({ context }) => !context.settings.enabled,
    warmedUp: ({ context }) =>
      context.running.length > 0 && context.running.every((f) => (context.inputs[f]?.samples ?? 0) >= context.settings.minSamples),
    targetMoved: ({ context }) => context.target !== undefined && largestMove(context.weights, context.target) > MIN_WEIGHT_CHANGE,
    intervalPassed: ({ context }) => context.lastChangeTs === undefined || context.now - context.lastChangeTs >= context.settings.minIntervalMs,
  },
  actions: {
    record: assign(({ context, event }) => recordSample(context, event)),
    adopt: enqueueActions(({ context, enqueue }) => {
      const after = context.target!;
      enqueue.emit({ type: 'allocation.decided', before: context.weights, after, inputs: context.inputs });
      enqueue.assign({ weights: after, lastChangeTs: context.now });
    }),
  },
}).createMachine({
  id: 'allocator',
  context: ({ input }) => ({
    settings: { ...input.settings },
    running: familiesOf(input.weights),
    totalCapital: input.totalCapital,
    share: totalOf(input.weights),
    weights: { ...input.weights },
    histories: {},
    inputs: {},
    target: undefined,
    now: 0,
    lastChangeTs: undefined,
  }),
  initial: 'starting',
  states: {
    starting: { always: [{ guard: 'off', target: 'OFF' }, { target: 'STATIC' }] },
    OFF: {},
    STATIC: {
      on: { 'allocation.sample': { actions: 'record' } },
      always: { guard: 'warmedUp', target: 'LEARNING' },
    },
    LEARNING: {
      on: { 'allocation.sample': { actions: 'record' } },
      always: { guard: and(['targetMoved', 'intervalPassed']), actions: 'adopt' },
    },
  },
});
