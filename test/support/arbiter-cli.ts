import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The compiled CLI, as `npm start` and the `arbiter` bin run it (tests spawn it rather than the .ts sources
 * through tsx: it is what users run, and it starts in a fraction of the time). Rebuilt on import when any
 * source is newer than the build, so a test never runs stale JavaScript.
 */
export const ARBITER = 'dist/bin/arbiter.js';

const SOURCES = ['actors', 'bin', 'config', 'contracts', 'machines', 'supervisors'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  try {
    return statSync(ARBITER).mtimeMs;
  } catch {
    return 0;
  }
}

if (Math.max(...SOURCES.map(newestSource), statSync('scripts/build.mjs').mtimeMs) > builtAt()) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stderr}`);
}

/** Runs the compiled CLI with `args` (e.g. `['run', '--duration', '1']`) and resolves with its exit status and output. */
export function spawnArbiter(args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ARBITER, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}
