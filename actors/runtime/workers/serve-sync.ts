import { workerData, type MessagePort } from 'node:worker_threads';

/** Worker → caller: the answer to request `id`. */
export type SyncAnswer<Res> = { id: number; result: Res } | { id: number; error: { message: string; code?: string; detail?: string } };

/**
 * The worker side of SyncWorker: answers each request with `handle`'s result (or error, with its `code` and
 * `detail` when it has them), one at a time, then wakes the blocked caller. Call it at the end of the worker's module.
 */
export function serveSync<Req, Res>(handle: (request: Req) => Promise<Res> | Res): void {
  const { port, answered } = workerData as { port: MessagePort; answered: Int32Array };
  let queue = Promise.resolve();
  port.on('message', ({ id, request }: { id: number; request: Req }) => {
    queue = queue.then(async () => {
      let answer: SyncAnswer<Res>;
      try {
        answer = { id, result: await handle(request) };
      } catch (err) {
        answer = { id, error: describe(err) };
      }
      port.postMessage(answer);
      Atomics.add(answered, 0, 1);
      Atomics.notify(answered, 0);
    });
  });
}

function describe(err: unknown): { message: string; code?: string; detail?: string } {
  if (!(err instanceof Error)) return { message: String(err) };
  const { code, detail } = err as { code?: unknown; detail?: unknown };
  // Node's connect to a host with several addresses fails with an AggregateError whose own message is empty.
  const inner = err instanceof AggregateError ? err.errors.map((e: unknown) => (e instanceof Error ? e.message : String(e))).join('; ') : '';
  return {
    message: err.message || inner || err.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof detail === 'string' ? { detail } : {}),
  };
}
