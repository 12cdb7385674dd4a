/** What a dispatcher runs: an actor cell, seen from the scheduler's side. */
export interface Runnable {
  readonly name: string;
  /** Handles up to `max` queued messages synchronously and says how many; throws what the machine threw. */
  drain(max: number): number;
  /** The crash path (dead letter, supervisor); says whether the cell is now stopped. */
  crashed(error: unknown): 'stop' | 'resume';
}

/** A cell's handle on its dispatcher: ask for a turn, and leave. */
export interface Turns {
  schedule(): void;
  stop(): void;
}

/**
 * Decides when cells run. `nact` (live): each cell is a nact actor and a turn is a nact message, interleaved with
 * timers and sockets. `replay` (simulated time): turns run synchronously in the caller until the system is idle.
 */
export interface Dispatcher {
  attach(cell: Runnable): Turns;
  shutdown(): void;
}
