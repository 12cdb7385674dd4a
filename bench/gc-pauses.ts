import { PerformanceObserver } from 'node:perf_hooks';

export interface GcPauses {
  count: number;
  over2ms: number;
  maxMs: number;
  totalMs: number;
}

/** Records this process's GC pauses from now on; `take()` returns those since the last take (or the start) and starts over. */
export function watchGcPauses(): { take: () => GcPauses; stop: () => void } {
  let pauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push(entry.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    take() {
      const taken = pauses;
      pauses = [];
      const r = (v: number) => Number(v.toPrecision(3));
      return { count: taken.length, over2ms: taken.filter((d) => d > 2).length, maxMs: r(Math.max(0, ...taken)), totalMs: r(taken.reduce((a, b) => a + b, 0)) };
    },
    stop: () => observer.disconnect(),
  };
}
