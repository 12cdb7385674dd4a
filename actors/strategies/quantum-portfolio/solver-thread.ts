import { WorkerPool } from '../../runtime/workers/worker-pool.js';
import type { QuantumPortfolioParams } from './params.js';
import type { PortfolioChoice } from './solve-portfolio.js';

/** One portfolio problem for the solver thread: trailing returns (rows × markets) and the QAOA settings. */
export interface SolveTask {
  returns: readonly (readonly number[])[];
  symbols: readonly string[];
  params: QuantumPortfolioParams;
  seed: number;
}

const workerFile = () => new URL(`./solver-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Solves portfolio problems on a worker thread, one at a time in the order asked, so a simulation that takes seconds
 * (16 qubits and more) never stalls the actors on the main thread. The thread starts at the first solve and keeps the
 * process alive only while it works; a failed solve (or a dead thread) rejects that solve and the next starts a fresh
 * thread.
 */
export class SolverThread {
  private pool: WorkerPool<SolveTask, PortfolioChoice> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  solve(task: SolveTask): Promise<PortfolioChoice> {
    const run = this.queue.then(async () => {
      const pool = (this.pool ??= new WorkerPool<SolveTask, PortfolioChoice>({ file: workerFile(), size: 1, describe: (t) => `portfolio solve (seed ${t.seed})` }));
      pool.hold(true);
      try {
        const [choice] = await pool.run([task]);
        return choice!;
      } catch (err) {
        if (this.pool === pool) this.pool = undefined;
        await pool.close();
        throw err;
      } finally {
        pool.hold(false);
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.pool?.close();
    this.pool = undefined;
  }
}

/** The process's solver thread, shared by every quantum-portfolio actor. */
export const solverThread = new SolverThread();
