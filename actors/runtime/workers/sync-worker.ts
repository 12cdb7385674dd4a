import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { startWorker } from './start-worker.js';
import type { SyncAnswer } from './serve-sync.js';

/** A call failed in the worker (its error's name, message and code, e.g. a PostgreSQL SQLSTATE), took too long, or the worker is gone. */
export class SyncWorkerError extends Error {
  constructor(message: string, readonly code: string | undefined, readonly detail?: string) {
    super(message);
    this.name = 'SyncWorkerError';
  }
}

/**
 * Calls an async worker (a module ending with serveSync) synchronously: the calling thread posts the request on a
 * MessageChannel, blocks in Atomics.wait until the worker bumps a shared counter, then takes the answer with
 * receiveMessageOnPort. The technique is synckit's; synckit itself cannot start a `.ts` worker under tsx on Node 20
 * (the worker does not get tsx's hooks; startWorker's bootstrap does), hence these few lines of our own.
 * A call that outlasts its timeout terminates the worker: its state is unknown, every later call fails.
 */
export class SyncWorker<Req, Res> {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly answered: Int32Array;
  private nextId = 1;
  private dead: string | undefined;

  constructor(file: URL, private readonly timeoutMs = 30_000) {
    const { port1, port2 } = new MessageChannel();
    this.answered = new Int32Array(new SharedArrayBuffer(4));
    this.worker = startWorker(file, { port: port2, answered: this.answered }, [port2]);
    this.worker.unref();
    this.port = port1;
    this.port.unref();
  }

  get alive(): boolean {
    return this.dead === undefined;
  }

  call(request: Req, timeoutMs = this.timeoutMs): Res {
    if (this.dead !== undefined) throw new SyncWorkerError(`worker unusable: ${this.dead}`, 'SYNC_CLOSED');
    const id = this.nextId++;
    const deadline = performance.now() + timeoutMs;
    this.port.postMessage({ id, request });
    for (;;) {
      const seen = Atomics.load(this.answered, 0);
      // Answers left by a call that timed out are skipped by id.
      for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
        const answer = m.message as SyncAnswer<Res>;
        if (answer.id !== id) continue;
        if ('error' in answer) throw new SyncWorkerError(answer.error.message, answer.error.code, answer.error.detail);
        return answer.result;
      }
      const left = deadline - performance.now();
      if (left <= 0 || Atomics.wait(this.answered, 0, seen, left) === 'timed-out') {
        this.close(`a call took longer than ${timeoutMs} ms`);
        throw new SyncWorkerError(`no answer within ${timeoutMs} ms`, 'SYNC_TIMEOUT');
      }
    }
  }

  close(why = 'closed'): void {
    if (this.dead !== undefined) return;
    this.dead = why;
    this.port.close();
    void this.worker.terminate();
  }
}
