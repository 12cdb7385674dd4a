import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError } from '../../actors/runtime/errors.js';
import type { ReadyStatus } from './readiness.js';

/** What the endpoints answer with. */
export interface OperatorEndpoints {
  /** The Prometheus text exposition, its content type, and what to call once this response went out in full. */
  metrics(): Promise<{ contentType: string; body: string; served?: () => void }>;
  ready(): ReadyStatus;
}

export interface OperatorServer {
  /** `http://<host>:<port>`. */
  url: string;
  port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

const PATHS = new Set(['/metrics', '/health', '/ready']);

/**
 * The operator endpoints over node:http: `GET /metrics` (Prometheus text), `GET /health` (200 `live` while the event
 * loop answers), `GET /ready` (200 or 503, a JSON ReadyStatus either way). Other paths 404, other methods 405.
 * A port that cannot be bound is an InputError (one line, exit 2).
 */
export async function startOperatorServer(endpoints: OperatorEndpoints, where: { host: string; port: number }): Promise<OperatorServer> {
  const server = createServer((req, res) => {
    void answer(endpoints, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(listenError(err, where)));
    server.listen(where.port, where.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = where.host.includes(':') ? `[${where.host}]` : where.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(endpoints: OperatorEndpoints, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://operator').pathname;
  if (!PATHS.has(path)) return send(res, 404, 'text/plain; charset=utf-8', `not found: ${path} (try /metrics, /health, /ready)\n`);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'text/plain; charset=utf-8', `method ${req.method} not allowed\n`);
  }
  if (path === '/health') return send(res, 200, 'text/plain; charset=utf-8', 'live\n');
  if (path === '/ready') {
    const status = endpoints.ready();
    return send(res, status.ready ? 200 : 503, 'application/json', `${JSON.stringify(status)}\n`);
  }
  let metrics;
  try {
    metrics = await endpoints.metrics();
  } catch (error) {
    return send(res, 500, 'text/plain; charset=utf-8', `metrics failed: ${String(error)}\n`);
  }
  if (metrics.served) res.once('finish', metrics.served);
  send(res, 200, metrics.contentType, metrics.body);
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  res.end(body);
}

function listenError(err: NodeJS.ErrnoException, where: { host: string; port: number }): Error {
  const at = `${where.host}:${where.port}`;
  if (err.code === 'EADDRINUSE') return new InputError(`operator endpoints: ${at} is already in use; choose another port (--metrics-port or operator.port)`);
  if (err.code === 'EACCES') return new InputError(`operator endpoints: no permission to listen on ${at} (ports below 1024 need privileges)`);
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return new InputError(`operator endpoints: cannot listen on ${at}: operator.host is not an address of this machine`);
  return err;
}
