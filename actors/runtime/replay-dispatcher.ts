import Denque from 'denque';
import type { Dispatcher, Runnable, Turns } from './dispatcher.js';

/** Messages one cell handles before the next ready cell gets a turn. */
const DRAIN_PER_TURN = 64;

export interface ReplayDispatcherOptions {
  /** Messages handled before yielding to the event loop, so live actors and timers in the process still run. */
  yieldEvery?: number;
}

/**
 * Simulated-time scheduling: a delivery from outside any turn runs every ready cell synchronously, in turn order,
 * until none has work (or `yieldEvery` messages have run: then the rest continues after the event loop's next
 * turn). Same cells, machines and crash path as live; only the scheduler differs, and its order is deterministic.
 */
export class ReplayDispatcher implements Dispatcher {
  private readonly ready = new Denque<Runnable>();
  private running = false;
  private resumeScheduled = false;
  private readonly yieldEvery: number;

  constructor(options: ReplayDispatcherOptions = {}) {
    this.yieldEvery = options.yieldEvery ?? 10_000;
  }

  attach(cell: Runnable): Turns {
    return {
      schedule: () => {
        this.ready.push(cell);
        if (!this.running && !this.resumeScheduled) this.run();
      },
      stop: () => {},
    };
  }

  shutdown(): void {
    this.ready.clear();
  }

  private run(): void {
    this.running = true;
    let handled = 0;
    try {
      while (this.ready.length > 0) {
        if (handled >= this.yieldEvery) {
          this.resumeScheduled = true;
          setImmediate(() => {
            this.resumeScheduled = false;
            if (!this.running) this.run();
          });
          return;
        }
        const cell = this.ready.shift()!;
        try {
          handled += cell.drain(Math.min(DRAIN_PER_TURN, this.yieldEvery - handled));
        } catch (error) {
          handled += 1;
          cell.crashed(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
