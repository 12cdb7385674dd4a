import type { Clock } from './clock.js';

export interface PacedLoop {
  /** Begins ticking (again). */
  start(): void;
  /** Stops ticking; resolves once the tick under way (if any) ended. */
  stop(): Promise<void>;
  /** One tick now, outside the pace (after stop: a caller draining work). */
  once(): Promise<void>;
}

/**
 * Runs `tick` every `everyMs` on the clock; a tick still running when the next is due delays it: ticks are skipped,
 * never queued, and never overlap. A failed tick is reported to `onError`, not thrown into the timer.
 */
export function pacedLoop(clock: Clock, everyMs: number, tick: () => Promise<void>, onError: (err: unknown) => void): PacedLoop {
  let ticking = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const once = () => {
    running = tick()
      .catch(onError)
      .finally(() => (running = undefined));
    return running;
  };
  const loop = async () => {
    const began = clock.now();
    await once();
    if (ticking) timer = setTimeout(() => void loop(), Math.max(0, everyMs - (clock.now() - began)));
  };
  return {
    start() {
      if (ticking) return;
      ticking = true;
      void loop();
    },
    async stop() {
      ticking = false;
      clearTimeout(timer);
      await running;
    },
    once,
  };
}
