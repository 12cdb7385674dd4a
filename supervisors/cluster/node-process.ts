import { spawn, type ChildProcess } from 'node:child_process';
import { childEnvironment } from '../../config/child-env.js';

/** One node of a cluster run: a real `arbiter run --cluster` process. */
export interface NodeProcess {
  id: string;
  role: 'venues' | 'strategies' | 'bot';
  child: ChildProcess;
  pid: number;
  /** Resolves when it exited: its status and the last line of its stdout (its --json summary). */
  exited: Promise<{ status: number | null; signal: NodeJS.Signals | null; summary: unknown; stderrTail: string }>;
}

/**
 * Starts `arbiter run` with `args` the way this process was started (the same node, loader flags and script), or with
 * `script` (e.g. dist/bin/arbiter.js, from a test) under plain node; its environment plus `env`. stderr is kept (its
 * tail names what went wrong) and forwarded line by line to `onLine`.
 */
export function startNodeProcess(id: string, role: NodeProcess['role'], args: readonly string[], env: Record<string, string>, onLine?: (id: string, line: string) => void, script?: string): NodeProcess {
  const command = script ? [script] : [...process.execArgv, process.argv[1]!];
  const child = spawn(process.execPath, [...command, 'run', ...args], { env: childEnvironment(env), stdio: ['ignore', 'pipe', 'pipe'] });
  // Whatever way this process ends (a second Ctrl-C exits at once), no node outlives it.
  const orphaned = () => child.kill('SIGKILL');
  process.on('exit', orphaned);
  child.on('close', () => process.off('exit', orphaned));
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  let partial = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) onLine?.(id, line);
  });
  const exited = new Promise<Awaited<NodeProcess['exited']>>((resolve) => {
    child.on('close', (status, signal) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      let summary: unknown;
      try {
        summary = JSON.parse(last);
      } catch {
        summary = undefined;
      }
      const tail = summary === undefined && last ? [`stdout: ${last.slice(0, 300)}`] : [];
      resolve({ status, signal, summary, stderrTail: [...stderr.trim().split('\n').slice(-5), ...tail].join('\n') });
    });
  });
  return { id, role, child, pid: child.pid ?? -1, exited };
}
