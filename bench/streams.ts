/**
 * Node → node round trip over Redis Streams: this process adds entries to a `ping` stream at a paced rate (10,000 a
 * second for 3 s, one entry per message; the same packed, one entry per timer tick; then 1,000 a second for 2 s), a second process (bench/streams-echo.ts, forked) reads them in a
 * consumer group (XREADGROUP BLOCK, XACK) and adds each body to `pong`, which this process reads the same way.
 * Latency is from the publish call to the handler here, on one clock. The floor, in the same run: a plain PING round
 * trip from this process, one at a time; PINGs paced like the messages (10,000 a second); and the same pacing over a
 * plain TCP echo in the echo process (two process hops, no Redis; the streams path has four). `cpuShareAt10k`: the
 * cores each node process used during the 10k run (1 = one core busy); `gcAt10k`: each node process's GC pauses in it. Needs the Redis at redis.url (ARBITER_REDIS__URL); its keys are deleted.
 */
import { fork } from 'node:child_process';
import { connect } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { loadConfig } from '../config/index.js';
import { StreamConsumer } from '../actors/runtime/streams/stream-consumer.js';
import { StreamPublisher } from '../actors/runtime/streams/stream-publisher.js';
import { percentile } from './percentile.js';
import { watchGcPauses, type GcPauses } from './gc-pauses.js';

const TARGET_P99_US = 2_000;
const round = (v: number) => Number(v.toPrecision(3));

function summary(samplesUs: number[]): Record<string, number> {
  const sorted = Float64Array.from(samplesUs).sort();
  return { n: sorted.length, p50Us: round(percentile(sorted, 0.5)), p99Us: round(percentile(sorted, 0.99)), maxUs: round(sorted[sorted.length - 1] ?? NaN) };
}

export async function benchStreams(): Promise<Record<string, unknown>> {
  const { config } = loadConfig();
  const prefix = `arbiter-bench:streams-${process.pid}-${Date.now()}:`;
  const ping = `${prefix}ping`;
  const pong = `${prefix}pong`;
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 1 });
  const child = fork(fileURLToPath(new URL('./streams-echo.ts', import.meta.url)), [config.redis.url, ping, pong], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const gc = watchGcPauses();
  const sentAt = new Map<number, number>();
  let samples: number[] = [];
  let received = 0;
  const consumer = new StreamConsumer(redis, {
    stream: pong, group: 'bench', consumer: 'bench', count: 1_000,
    handler: ({ body }) => {
      const seq = (body as { seq: number }).seq;
      const t0 = sentAt.get(seq);
      if (t0 === undefined) return;
      sentAt.delete(seq);
      samples.push((performance.now() - t0) * 1_000);
      received += 1;
    },
  });
  const publishers = { single: new StreamPublisher(redis, { stream: ping, maxLen: 100_000 }), packed: new StreamPublisher(redis, { stream: ping, maxLen: 100_000, pack: true }) };
  let seq = 0;

  /** Calls `send` `rate` times a second for `seconds`: as many per timer tick as keep the pace. Returns the achieved rate. */
  async function pace(rate: number, seconds: number, send: () => void): Promise<{ sent: number; perSec: number }> {
    let sent = 0;
    const start = performance.now();
    const total = rate * seconds;
    while (sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1_000) * rate));
      for (; sent < due; sent++) send();
      await new Promise((r) => setTimeout(r, 1));
    }
    return { sent, perSec: Math.round(sent / ((performance.now() - start) / 1_000)) };
  }

  /** The round trip through the echo process at `rate`; waits up to 5 s for the last echoes. */
  async function paced(rate: number, seconds: number, pack = false): Promise<Record<string, number>> {
    const publisher = pack ? publishers.packed : publishers.single;
    samples = [];
    received = 0;
    const { sent, perSec } = await pace(rate, seconds, () => {
      const s = seq++;
      sentAt.set(s, performance.now());
      void publisher.publish({ seq: s, pack, venue: 'binance', symbol: 'BTC/USDT', bid: 64_000.5, ask: 64_001 });
    });
    const waitStart = performance.now();
    while (received < sent && performance.now() - waitStart < 5_000) await new Promise((r) => setTimeout(r, 5));
    return { targetPerSec: rate, sentPerSec: perSec, lost: sent - received, ...summary(samples) };
  }

  /** The same pacing between the same two processes over a plain TCP echo: what two hops cost on this box. */
  async function tcpEcho(port: number): Promise<Record<string, number>> {
    const socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    await new Promise((r) => socket.once('connect', r));
    const at = new Map<number, number>();
    const rtts: number[] = [];
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) rtts.push((performance.now() - at.get(Number(line))!) * 1_000);
    });
    let n = 0;
    const { perSec } = await pace(10_000, 2, () => {
      at.set(n, performance.now());
      socket.write(`${n++}\n`);
    });
    const waitStart = performance.now();
    while (rtts.length < n && performance.now() - waitStart < 2_000) await new Promise((r) => setTimeout(r, 5));
    socket.destroy();
    return { targetPerSec: 10_000, sentPerSec: perSec, ...summary(rtts) };
  }

  try {
    await consumer.start();
    const echoPort = await new Promise<number>((resolve, reject) => {
      child.once('message', (m) => resolve((m as { ready: number }).ready));
      child.once('exit', (code) => reject(new Error(`echo process exited with ${code}`)));
    });
    await paced(2_000, 0.5);
    const pingSamples: number[] = [];
    for (let i = 0; i < 5_000; i++) {
      const t0 = performance.now();
      await redis.ping();
      pingSamples.push((performance.now() - t0) * 1_000);
    }
    // The same pacing with nothing but PINGs from this process: what waking up 1,000 times a second costs on this box.
    const pacedPings: number[] = [];
    const pacedPing = await pace(10_000, 2, () => {
      const t0 = performance.now();
      void redis.ping().then(() => pacedPings.push((performance.now() - t0) * 1_000));
    });
    await new Promise((r) => setTimeout(r, 100));
    const floorTcpEcho = await tcpEcho(echoPort);
    const childCpuMs = () => new Promise<number>((resolve) => {
      child.once('message', (m) => {
        childGc = (m as { gc: GcPauses }).gc;
        resolve((m as { cpuMs: number }).cpuMs);
      });
      child.send('cpu');
    });
    let childGc: GcPauses | undefined;
    const cpu0 = { parent: process.cpuUsage(), child: await childCpuMs(), wall: performance.now() };
    gc.take();
    const at10k = await paced(10_000, 3);
    const parentCpu = process.cpuUsage(cpu0.parent);
    const wallMs = performance.now() - cpu0.wall;
    const cpuShareAt10k = { parent: round((parentCpu.user + parentCpu.system) / 1_000 / wallMs), echoProcess: round(((await childCpuMs()) - cpu0.child) / wallMs) };
    const gcAt10k = { parent: gc.take(), echoProcess: childGc };
    const at10kPacked = await paced(10_000, 3, true);
    const at1k = await paced(1_000, 2);
    const floorPing = summary(pingSamples);
    const floorPacedPing = { targetPerSec: 10_000, sentPerSec: pacedPing.perSec, ...summary(pacedPings) };
    return {
      roundTrip10k: at10k,
      roundTrip10kPacked: at10kPacked,
      roundTrip1k: at1k,
      floorPing,
      floorPacedPing,
      floorTcpEcho,
      cpuShareAt10k,
      gcAt10k,
      p99OverFloor: round(at10k.p99Us! / floorPing.p99Us!),
      targetP99Us: TARGET_P99_US,
      pass: Math.min(at10k.p99Us!, at10kPacked.p99Us!) <= TARGET_P99_US && at10k.lost === 0 && at10kPacked.lost === 0,
      loadAvg1m: round(loadavg()[0]!),
      cpus: cpus().length,
    };
  } finally {
    child.send('stop');
    await new Promise((r) => { child.once('exit', r); setTimeout(r, 2_000); });
    if (child.exitCode === null) child.kill();
    await consumer.stop();
    gc.stop();
    await redis.del(ping, pong);
    redis.disconnect();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${JSON.stringify(await benchStreams(), null, 2)}\n`);
}
