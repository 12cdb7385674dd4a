import { threadId, workerData } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import { serveTasks } from '../../actors/runtime/workers/serve-tasks.js';

/** A pool worker for the pool's tests: echoes after a delay, throws, exits, or never answers, as each task asks. */
export type EchoTask = { op: 'echo'; value: number; delayMs: number } | { op: 'throw'; message: string } | { op: 'exit'; code: number } | { op: 'hang' };

const { prefix } = workerData as { prefix: string };

serveTasks(async (task: EchoTask) => {
  switch (task.op) {
    case 'echo':
      await sleep(task.delayMs);
      return { value: `${prefix}${task.value}`, threadId };
    case 'throw':
      throw new RangeError(task.message);
    case 'exit':
      process.exit(task.code);
    case 'hang':
      return new Promise<never>(() => {});
  }
});
