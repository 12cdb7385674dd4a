import { serveTasks } from '../actors/runtime/workers/serve-tasks.js';

/** A pool worker for the parallel floor: integer arithmetic only, nothing allocated or shared. */
serveTasks((iterations: number) => {
  let x = 1;
  for (let i = 0; i < iterations; i++) x = Math.imul(x ^ i, 0x9e3779b1) >>> 0;
  return x;
});
