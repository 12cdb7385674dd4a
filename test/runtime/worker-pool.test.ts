import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkerPool, WorkerTaskError, runInPool } from '../../actors/runtime/workers/worker-pool.js';
import type { EchoTask } from '../support/echo-worker.js';

type Echoed = { value: string; threadId: number };
const file = new URL('../support/echo-worker.ts', import.meta.url);
const describe = (t: EchoTask) => (t.op === 'echo' ? `echo ${t.value}` : t.op);
const pool = (size: number) => new WorkerPool<EchoTask, Echoed>({ file, size, workerData: { prefix: 'v' }, describe });

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  assert.fail('expected the run to reject');
}

test('results come back in task order whatever order they finish in; both workers take tasks; a pool runs again until closed', async () => {
  const p = pool(2);
  try {
    // The first tasks take longest, so later ones finish first.
    const tasks: EchoTask[] = [300, 200, 0, 0, 0, 0].map((delayMs, value) => ({ op: 'echo', value, delayMs }));
    const finished: number[] = [];
    const results = await p.run(tasks, { onResult: (i) => finished.push(i) });
    assert.deepEqual(results.map((r) => r.value), ['v0', 'v1', 'v2', 'v3', 'v4', 'v5'], 'workerData reached the workers; order is the tasks\'');
    assert.notDeepEqual(finished, [0, 1, 2, 3, 4, 5], 'completion order differed');
    assert.deepEqual([...finished].sort(), [0, 1, 2, 3, 4, 5]);
    assert.equal(new Set(results.map((r) => r.threadId)).size, 2);
    assert.deepEqual(p.stats().map((s) => s.tasks).reduce((a, b) => a + b), 6);
    assert.ok(p.stats().every((s) => s.readyMs !== undefined && s.busyMs > 0));

    assert.deepEqual((await p.run([{ op: 'echo', value: 9, delayMs: 0 }])).map((r) => r.value), ['v9']);
    assert.deepEqual(await p.run([]), []);
  } finally {
    await p.close();
  }
  assert.equal(p.alive, 0);
  assert.match((await rejection(p.run([{ op: 'echo', value: 1, delayMs: 0 }]))).message, /closed/);
});

test('a task that throws rejects the run naming the task, with the worker\'s error as cause; every worker is terminated', async () => {
  const p = pool(2);
  const err = await rejection(p.run([{ op: 'echo', value: 0, delayMs: 0 }, { op: 'throw', message: 'bad input' }, { op: 'hang' }]));
  assert.ok(err instanceof WorkerTaskError);
  assert.equal(err.index, 1);
  assert.equal(err.message, 'task 1 (throw) failed: RangeError: bad input');
  assert.equal((err.cause as Error).name, 'RangeError');
  assert.equal(p.alive, 0, 'the hanging task\'s worker was terminated too');
});

test('a worker that dies mid-task rejects the run naming that task', async () => {
  const p = pool(2);
  const err = await rejection(p.run([{ op: 'hang' }, { op: 'exit', code: 3 }]));
  assert.ok(err instanceof WorkerTaskError);
  assert.equal(err.message, 'task 1 (exit): its worker exited (code 3)');
  assert.equal(p.alive, 0);
});

test('a worker module that cannot load fails the run, saying so', async () => {
  const err = await rejection(runInPool({ file: new URL('./no-such-worker.ts', import.meta.url), size: 1, describe }, [{ op: 'hang' }]));
  assert.match(err.message, /^task 0 \(hang\): crashed its worker: .*no-such-worker\.ts.* before it was ready$/);
});

test('aborting terminates the workers and rejects with an AbortError carrying the reason', async () => {
  const p = pool(2);
  const stop = new AbortController();
  const running = p.run([{ op: 'hang' }, { op: 'hang' }, { op: 'echo', value: 2, delayMs: 0 }], { signal: stop.signal });
  await new Promise((resolve) => setTimeout(resolve, 50));
  stop.abort('SIGINT');
  const err = await rejection(running);
  assert.equal(err.name, 'AbortError');
  assert.equal(err.cause, 'SIGINT');
  assert.equal(p.alive, 0);
  const late = new AbortController();
  late.abort('SIGTERM');
  assert.equal((await rejection(runInPool({ file, size: 1, workerData: { prefix: '' } }, [{ op: 'hang' }], { signal: late.signal }))).name, 'AbortError', 'an already aborted signal never runs');
});
