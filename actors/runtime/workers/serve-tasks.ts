import { parentPort } from 'node:worker_threads';

/** Pool → worker: one task, by its index in the pool's list. */
export interface TaskMessage<T> {
  index: number;
  task: T;
}

/** Worker → pool: ready once its module (and whatever it loads at the top) has run, then one answer per task. */
export type WorkerMessage<R> =
  | { kind: 'ready' }
  | { kind: 'done'; index: number; result: R; ms: number }
  | { kind: 'failed'; index: number; error: { name: string; message: string; stack?: string } };

/**
 * The worker side of WorkerPool: answers each task with `handle`'s result, one task at a time, in the order received.
 * Call it at the end of the worker's module, after loading what every task shares.
 */
export function serveTasks<T, R>(handle: (task: T) => R | Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs inside a worker thread');
  let queue = Promise.resolve();
  port.on('message', ({ index, task }: TaskMessage<T>) => {
    queue = queue.then(async () => {
      const t0 = performance.now();
      try {
        const result = await handle(task);
        port.postMessage({ kind: 'done', index, result, ms: performance.now() - t0 } satisfies WorkerMessage<R>);
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err));
        port.postMessage({ kind: 'failed', index, error: { name: e.name, message: e.message, stack: e.stack } } satisfies WorkerMessage<R>);
      }
    });
  });
  port.postMessage({ kind: 'ready' } satisfies WorkerMessage<R>);
}
