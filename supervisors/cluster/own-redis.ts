import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { Redis } from 'ioredis';
import { InputError } from '../../actors/runtime/errors.js';

/** A redis-server of this process's own on a loopback port, without persistence: a restart brings it back empty. */
export interface OwnRedis {
  url: string;
  port: number;
  /** The running server's pid (a restart changes it). */
  readonly pid: number;
  /** SIGTERM, then waits for the exit. Harmless when stopped. */
  stop(): Promise<void>;
  /** Stops the server and starts a fresh one on the same port: empty, as a Redis without persistence comes back. */
  restart(): Promise<void>;
}

export interface OwnRedisOptions {
  /** Default: a free loopback port. */
  port?: number;
  /** Default: `redis-server` found on PATH. */
  binary?: string;
  /** Longest wait for the server to answer PING. Default 5 s. */
  startTimeoutMs?: number;
}

/** Every server started here: killed when the process exits, however it exits short of SIGKILL. */
const live = new Set<ChildProcess>();
let exitHook = false;

/**
 * Starts `redis-server --port <port> --bind 127.0.0.1 --save "" --appendonly no` and resolves once it answers PING
 * (itself: its INFO names its pid).
 * For `arbiter cluster` and the tests that lose Redis on purpose: the machine's shared Redis (6379) is never touched.
 * An InputError when redis-server is not installed, or when it does not start (its last output in the message).
 */
export async function startOwnRedis(options: OwnRedisOptions = {}): Promise<OwnRedis> {
  const binary = options.binary ?? 'redis-server';
  const port = options.port ?? (await freePort());
  const timeoutMs = options.startTimeoutMs ?? 5_000;
  let child = await launch(binary, port, timeoutMs);
  const stop = async () => {
    const c = child;
    if (c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    c.kill('SIGTERM');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child.pid!;
    },
    stop,
    async restart() {
      await stop();
      child = await launch(binary, port, timeoutMs);
    },
  };
}

async function launch(binary: string, port: number, timeoutMs: number): Promise<ChildProcess> {
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const c of live) c.kill('SIGKILL');
    });
  }
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir(), '--daemonize', 'no'];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const failed = (why: string) => new InputError(`redis-server (${binary}) on port ${port}: ${why}${output ? `; it said: ${output.trim().split('\n').slice(-3).join(' | ')}` : ''}`);
  let spawnError: Error | undefined;
  child.once('error', (err) => (spawnError = err));
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (spawnError) {
      const missing = (spawnError as NodeJS.ErrnoException).code === 'ENOENT';
      throw failed(missing ? 'not found (looked on PATH); install Redis (e.g. apt-get install redis-server) to run a cluster with a Redis of its own' : spawnError.message);
    }
    if (child.exitCode !== null || child.signalCode !== null) throw failed(`exited (${child.exitCode ?? child.signalCode}) before answering`);
    if (await answers(port, child.pid!)) return child;
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw failed(`no PING answer within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Our server answers on `port` (not another one that held the port first: its pid is `pid`). */
async function answers(port: number, pid: number): Promise<boolean> {
  const probe = new Redis({ host: '127.0.0.1', port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 500 });
  probe.on('error', () => {});
  try {
    await probe.connect();
    if ((await probe.ping()) !== 'PONG') return false;
    return /^process_id:(\d+)/m.exec(await probe.info('server'))?.[1] === String(pid);
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}


/** A loopback port nothing listens on now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
