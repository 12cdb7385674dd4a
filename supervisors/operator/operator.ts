import type { Logger } from 'pino';
import { OperatorMetrics } from './operator-metrics.js';
import { startOperatorServer } from './operator-server.js';
import { Readiness } from './readiness.js';
import type { SessionProbe } from './session-probe.js';

export interface OperatorSettings {
  host: string;
  port: number;
  /** At the stop: how long to keep serving until a scrape reads the final figures (0: close at once). */
  finalScrapeWaitMs: number;
}

/** The operator endpoints of one `arbiter run`: the session reports to `probe`, the CLI says when it finished. */
export interface Operator {
  url: string;
  probe: SessionProbe;
  metrics: OperatorMetrics;
  /** The summary is made: /ready says `finished`, /metrics holds the final figures. */
  finished(): void;
  /** Once finished: waits (at most finalScrapeWaitMs) for a scrape of the final figures, then stops serving. */
  close(): Promise<void>;
}

/** Binds the endpoints (an InputError when the port is taken) and returns the probe a session feeds them through. */
export async function startOperator(settings: OperatorSettings, logger?: Logger): Promise<Operator> {
  const metrics = new OperatorMetrics({ processMetrics: true });
  const readiness = new Readiness();
  let finished = false;
  let finalScrape: () => void = () => {};
  const finalScraped = new Promise<void>((resolve) => (finalScrape = resolve));
  const server = await startOperatorServer(
    {
      metrics: async () => {
        const final = finished;
        return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics(), served: final ? finalScrape : undefined };
      },
      ready: () => readiness.status(),
    },
    settings,
  );
  logger?.info({ url: server.url, endpoints: ['/metrics', '/health', '/ready'] }, 'operator endpoints listening');
  const probe: SessionProbe = {
    planned: (families) => readiness.planned(families),
    familyUp: (family) => {
      metrics.watch(family);
      readiness.familyUp(family.family);
    },
    reconciled: () => readiness.reconciledOnStart(),
    connections: (family, live) => readiness.connections(family, live),
    stopping: () => readiness.stopping(),
  };
  return {
    url: server.url,
    probe,
    metrics,
    finished() {
      finished = true;
      readiness.finished();
    },
    async close() {
      if (finished && settings.finalScrapeWaitMs > 0) {
        let timer: NodeJS.Timeout | undefined;
        const waited = await Promise.race([finalScraped.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), settings.finalScrapeWaitMs)))]);
        clearTimeout(timer);
        if (!waited) logger?.info({ waitedMs: settings.finalScrapeWaitMs }, 'no scrape read the final figures; operator endpoints closing');
      }
      await server.close();
    },
  };
}
