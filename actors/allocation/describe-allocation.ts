import { largestMove, MIN_WEIGHT_CHANGE, type AllocatorContext } from '../../machines/allocator.machine.js';

export type AllocatorState = 'starting' | 'OFF' | 'STATIC' | 'LEARNING';

/** In words, why the weights are what they are: for the session summary and the report. */
export function describeAllocation(state: AllocatorState, context: AllocatorContext): string {
  const { settings, running, inputs } = context;
  if (state === 'OFF' || state === 'starting') return 'static: the allocator is off (allocator.enabled: false)';
  if (running.length === 0) return 'static: no family is running';
  if (state === 'STATIC') {
    const short = running
      .filter((f) => (inputs[f]?.samples ?? 0) < settings.minSamples)
      .map((f) => `${inputs[f]?.samples ?? 0} of ${settings.minSamples} samples for ${f}`);
    return `static: ${short.join(', ')}`;
  }
  if (context.target === undefined) return 'learning: no running family has a positive shrunk Sharpe ratio, weights kept';
  if (largestMove(context.weights, context.target) <= MIN_WEIGHT_CHANGE) return `learning: weights within ${MIN_WEIGHT_CHANGE} of their target`;
  const next = (context.lastChangeTs ?? 0) + settings.minIntervalMs;
  return `learning: the next change may come at ${new Date(next).toISOString()} (minIntervalMs ${settings.minIntervalMs} after the last)`;
}
