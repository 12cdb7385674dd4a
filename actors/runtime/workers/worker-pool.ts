import type { Worker } from 'node:worker_threads';
import { startWorker } from './start-worker.js';
import type { TaskMessage, WorkerMessage } from './serve-tasks.js';

export interface WorkerPoolOptions<T> {
  /** The worker's module, which ends with serveTasks. A `.ts` module is run through tsx (tests, `node --import tsx`). */
  file: URL;
  size: number;
  /** Every worker's `workerData` (a structured clone): what all tasks share, e.g. file paths rather than their contents. */
  workerData?: unknown;
  /** Names a task in errors, e.g. `fast=5 slow=20`; by default `task <index>`. */
  describe?: (task: T, index: number) => string;
}

export interface PoolRunOptions<R> {
  /** Aborting terminates every worker; the run rejects with an AbortError whose cause is the signal's reason. */
  signal?: AbortSignal;
  /** Each result as it arrives, in completion order. */
  onResult?: (index: number, result: R) => void;
}

/** Per worker: ms from spawn until its module had run (undefined until then), ms spent in tasks, tasks done, ms of its first task (JIT warm-up shows there). */
export interface WorkerStats {
  readyMs: number | undefined;
  busyMs: number;
  tasks: number;
  firstTaskMs: number | undefined;
}

/** A task failed, or the worker running it died; `task` names it. */
export class WorkerTaskError extends Error {
  constructor(readonly index: number, readonly task: string, message: string, opts: { cause?: unknown } = {}) {
    super(message, opts);
    this.name = 'WorkerTaskError';
  }
}

interface Slot {
  worker: Worker;
  spawnedAt: number;
  current: number | undefined;
  exited: boolean;
  stats: WorkerStats;
}

interface Batch<T, R> {
  tasks: readonly T[];
  results: R[];
  next: number;
  remaining: number;
  onResult?: (index: number, result: R) => void;
  resolve(results: R[]): void;
  reject(err: unknown): void;
}

/**
 * N worker threads and a queue: each idle worker takes the next task; results come back in task order whatever the
 * completion order. A failed task or a dead worker rejects the run naming the task, and terminates every worker, as
 * does aborting; after that the pool is closed. Reusable for several runs (one at a time) until close().
 */
export class WorkerPool<T, R> {
  private readonly slots: Slot[];
  private batch: Batch<T, R> | undefined;
  private failure: unknown;
  private closing: Promise<void> | undefined;

  constructor(private readonly opts: WorkerPoolOptions<T>) {
    if (!Number.isInteger(opts.size) || opts.size < 1) throw new RangeError(`a worker pool needs a whole number ≥ 1 of workers, got ${opts.size}`);
    this.slots = Array.from({ length: opts.size }, () => this.spawn());
  }

  /** Workers not yet exited. */
  get alive(): number {
    return this.slots.filter((s) => !s.exited).length;
  }

  /** Whether the workers keep the process alive (Worker.ref / unref): a long-lived pool holds it only while it works. */
  hold(on: boolean): void {
    for (const s of this.slots) if (on) s.worker.ref();
    else s.worker.unref();
  }

  stats(): WorkerStats[] {
    return this.slots.map((s) => ({ ...s.stats }));
  }

  run(tasks: readonly T[], opts: PoolRunOptions<R> = {}): Promise<R[]> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.closing) return Promise.reject(new Error('the worker pool is closed'));
    if (this.batch) return Promise.reject(new Error('the worker pool runs one list of tasks at a time'));
    const { signal } = opts;
    if (signal?.aborted) {
      const err = abortError(signal);
      this.fail(err);
      return this.close().then(() => Promise.reject(err));
    }
    if (tasks.length === 0) return Promise.resolve([]);
    return new Promise<R[]>((resolve, reject) => {
      const onAbort = () => this.fail(abortError(signal!));
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.batch = {
        tasks,
        results: new Array<R>(tasks.length),
        next: 0,
        remaining: tasks.length,
        onResult: opts.onResult,
        resolve: (results) => {
          done();
          resolve(results);
        },
        reject: (err) => {
          done();
          reject(err);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      for (const slot of this.slots) this.dispatch(slot);
    });
  }

  /** Terminates every worker; a run in progress rejects. */
  close(): Promise<void> {
    if (!this.closing) {
      this.closing = Promise.all(this.slots.map((s) => (s.exited ? undefined : s.worker.terminate()))).then(() => undefined);
      const batch = this.batch;
      this.batch = undefined;
      if (batch) void this.closing.then(() => batch.reject(new Error('the worker pool was closed during a run')));
    }
    return this.closing;
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(this.opts.file, this.opts.workerData), spawnedAt: performance.now(), current: undefined, exited: false, stats: { readyMs: undefined, busyMs: 0, tasks: 0, firstTaskMs: undefined } };
    slot.worker.on('message', (m: WorkerMessage<R>) => this.received(slot, m));
    slot.worker.on('error', (err) => this.fail(this.slotError(slot, `crashed its worker: ${err.message}`, err)));
    slot.worker.on('exit', (code) => {
      slot.exited = true;
      if (!this.closing) this.fail(this.slotError(slot, `its worker exited (code ${code})`));
    });
    return slot;
  }

  private received(slot: Slot, m: WorkerMessage<R>): void {
    if (m.kind === 'ready') {
      slot.stats.readyMs = performance.now() - slot.spawnedAt;
      return;
    }
    const batch = this.batch;
    if (!batch || slot.current !== m.index) return;
    if (m.kind === 'failed') {
      const cause = Object.assign(new Error(m.error.message), { name: m.error.name, stack: m.error.stack });
      this.fail(new WorkerTaskError(m.index, this.label(m.index), `${this.label(m.index)} failed: ${m.error.name}: ${m.error.message}`, { cause }));
      return;
    }
    slot.current = undefined;
    slot.stats.busyMs += m.ms;
    slot.stats.tasks += 1;
    slot.stats.firstTaskMs ??= m.ms;
    batch.results[m.index] = m.result;
    batch.remaining -= 1;
    try {
      batch.onResult?.(m.index, m.result);
    } catch (err) {
      this.fail(err);
      return;
    }
    if (batch.remaining === 0) {
      this.batch = undefined;
      batch.resolve(batch.results);
    } else {
      this.dispatch(slot);
    }
  }

  private dispatch(slot: Slot): void {
    const batch = this.batch;
    if (!batch || batch.next >= batch.tasks.length || slot.exited) return;
    const index = batch.next++;
    slot.current = index;
    try {
      slot.worker.postMessage({ index, task: batch.tasks[index]! } satisfies TaskMessage<T>);
    } catch (err) {
      this.fail(new WorkerTaskError(index, this.label(index), `${this.label(index)} cannot be sent to a worker: ${(err as Error).message}`, { cause: err }));
    }
  }

  /** Rejects the run in progress (or the next one) with `err` once every worker is terminated. */
  private fail(err: unknown): void {
    if (this.failure !== undefined || this.closing) return;
    this.failure = err;
    const batch = this.batch;
    this.batch = undefined;
    void this.close().then(() => batch?.reject(err));
  }

  private slotError(slot: Slot, what: string, cause?: unknown): Error {
    const before = slot.stats.readyMs === undefined ? ' before it was ready' : '';
    if (slot.current === undefined) return new Error(`pool worker (no task): ${what}${before}`, { cause });
    return new WorkerTaskError(slot.current, this.label(slot.current), `${this.label(slot.current)}: ${what}${before}`, { cause });
  }

  private label(index: number): string {
    const task = this.batch?.tasks[index];
    return this.opts.describe && task !== undefined ? `task ${index} (${this.opts.describe(task, index)})` : `task ${index}`;
  }
}

function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error(`worker pool stopped: ${String(signal.reason)}`, { cause: signal.reason }), { name: 'AbortError' });
}

/** One pool for one list of tasks: at most one worker per task, closed at the end whatever happens. */
export async function runInPool<T, R>(opts: WorkerPoolOptions<T>, tasks: readonly T[], run: PoolRunOptions<R> = {}): Promise<{ results: R[]; stats: WorkerStats[] }> {
  const pool = new WorkerPool<T, R>({ ...opts, size: Math.max(1, Math.min(opts.size, tasks.length)) });
  try {
    return { results: await pool.run(tasks, run), stats: pool.stats() };
  } finally {
    await pool.close();
  }
}
