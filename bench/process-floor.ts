import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const LOOP = fileURLToPath(new URL('./backtest-loop.ts', import.meta.url));

function loopSeconds(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-semi-space-size=128', '--import', 'tsx', LOOP], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`backtest loop exited ${code}`))));
  });
}

/**
 * The speedup this machine gives the sweep's own kind of work when nothing at all is shared in software: the same
 * backtest loop in one process, then in two processes at once (separate heaps, separate garbage collectors). What
 * two cores lose here (shared caches and memory bandwidth under an allocating workload) no thread pool can win back.
 */
export async function processFloorSpeedup(): Promise<{ speedup: number; aloneSeconds: number; pairSeconds: number[] }> {
  const alone = await loopSeconds();
  const pair = await Promise.all([loopSeconds(), loopSeconds()]);
  return { speedup: (2 * alone) / Math.max(...pair), aloneSeconds: alone, pairSeconds: pair };
}
