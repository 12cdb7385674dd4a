/**
 * The second node of bench/streams.ts, in its own process: reads `ping` in a consumer group and adds each message's
 * body to `pong`, packed (one entry per turn) when the message says `pack`. Argv: redis url, ping stream, pong stream. Also echoes raw bytes on a TCP port (the floor). Tells its parent `{ ready: port }` once its group exists, and its CPU time and GC pauses since the last ask when asked `cpu`.
 */
import { createServer, type AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { StreamConsumer } from '../actors/runtime/streams/stream-consumer.js';
import { StreamPublisher } from '../actors/runtime/streams/stream-publisher.js';
import { watchGcPauses } from './gc-pauses.js';

const [url, ping, pong] = process.argv.slice(2) as [string, string, string];
const redis = new Redis(url, { maxRetriesPerRequest: 1 });
const single = new StreamPublisher(redis, { stream: pong, maxLen: 100_000 });
const packed = new StreamPublisher(redis, { stream: pong, maxLen: 100_000, pack: true });
const consumer = new StreamConsumer(redis, {
  stream: ping, group: 'echo', consumer: 'echo', count: 1_000,
  handler: ({ body }) => ((body as { pack?: boolean }).pack ? packed : single).publish(body).then(() => {}),
});
await consumer.start();
const gc = watchGcPauses();
// The floor: the same two processes, a plain TCP echo between them, no Redis.
const server = createServer((socket) => {
  socket.setNoDelay(true);
  socket.pipe(socket);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
process.send?.({ ready: (server.address() as AddressInfo).port });
process.on('message', async (m) => {
  if (m === 'cpu') process.send?.({ cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1_000, gc: gc.take() });
  if (m !== 'stop') return;
  await consumer.stop();
  server.close();
  redis.disconnect();
  process.exit(0);
});
