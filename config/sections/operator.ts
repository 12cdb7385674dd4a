import { nonNegativeInt, section } from './define.js';
import { z } from 'zod';

/** The operator endpoints of `arbiter run` (docs/operations.md): Prometheus metrics, liveness, readiness. No authentication: keep them on loopback or behind a proxy. */
export const operator = section({
  enabled: z.boolean().default(false).describe('serve /metrics, /health and /ready while `arbiter run` runs (`--metrics-port <n>` turns it on for one run)'),
  host: z.string().min(1).default('127.0.0.1').describe('address the endpoints bind to; anything but loopback exposes them unauthenticated'),
  port: z.number().int().min(1).max(65_535).default(9464).describe('port of the endpoints (`--metrics-port` overrides it); in use: exit 2'),
  finalScrapeWaitMs: nonNegativeInt()
    .default(0)
    .describe("at the stop, after the summary: keep serving until one /metrics scrape has read the session's final figures, at most this long (0: close at once)"),
});
