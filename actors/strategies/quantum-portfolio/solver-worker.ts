import { serveTasks } from '../../runtime/workers/serve-tasks.js';
import { solvePortfolio } from './solve-portfolio.js';
import type { SolveTask } from './solver-thread.js';

serveTasks((t: SolveTask) => solvePortfolio(t.returns, t.symbols, t.params, t.seed));
