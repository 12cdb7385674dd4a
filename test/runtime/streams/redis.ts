import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import { closedPort } from '../../support/ports.js';

/** The shared Redis (ARBITER_TEST_REDIS_URL overrides). Never flushed: every test keeps to keys of its own. */
export const REDIS_URL = process.env.ARBITER_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other run uses. */
export function uniquePrefix(name: string): string {
  return `arbiter-test:streams:${name}:${process.pid}-${randomBytes(4).toString('hex')}:`;
}

/** Connections a test opens; close() deletes every key under the test's prefix and disconnects them. */
export class Connections {
  private readonly clients: Redis[] = [];
  constructor(readonly prefix: string, private readonly url = REDIS_URL) {}

  open(options: RedisOptions = {}): Redis {
    const client = new Redis(this.url, { maxRetriesPerRequest: 1, ...options });
    client.on('error', () => {});
    this.clients.push(client);
    return client;
  }

  async close(): Promise<void> {
    const admin = new Redis(this.url);
    try {
      const keys = await admin.keys(`${this.prefix}*`);
      if (keys.length > 0) await admin.del(...keys);
    } finally {
      admin.disconnect();
      for (const c of this.clients) c.disconnect();
    }
  }
}

/** A redis-server of the test's own (no persistence), for tests that stop and restart Redis. */
export class OwnRedis {
  private child: ChildProcess | undefined;
  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const own = new OwnRedis(await closedPort());
    await own.restart();
    return own;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    this.child = spawn('/usr/bin/redis-server', ['--port', String(this.port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], { stdio: 'ignore' });
    const t0 = performance.now();
    for (;;) {
      const probe = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      probe.on('error', () => {});
      try {
        await probe.connect();
        await probe.ping();
        return;
      } catch (error) {
        if (performance.now() - t0 > 5_000) throw new Error(`own redis-server on ${this.port} did not answer`, { cause: error });
        await new Promise((r) => setTimeout(r, 20));
      } finally {
        probe.disconnect();
      }
    }
  }

  /** SIGKILL: the server is gone at once, with everything it held. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}
