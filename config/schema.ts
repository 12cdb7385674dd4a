import { z } from 'zod';
import { core } from './sections/core.js';
import { risk } from './sections/risk.js';
import { allocation } from './sections/allocation.js';
import { allocator } from './sections/allocator.js';
import { network } from './sections/network.js';
import { storage } from './sections/storage.js';
import { redis } from './sections/redis.js';
import { cluster } from './sections/cluster.js';
import { log } from './sections/log.js';
import { supervision } from './sections/supervision.js';
import { replay } from './sections/replay.js';
import { strategies } from './sections/strategies.js';
import { live } from './sections/live.js';
import { paper } from './sections/paper.js';
import { operator } from './sections/operator.js';
import { chaos } from './sections/chaos.js';

/**
 * The one schema of the whole system. Each section lives in config/sections/<name>.ts;
 * to add one, write that file, add one import and one entry here, then refresh docs/config.md with
 * `npx tsx config/docs/write.ts` (test/config/docs.test.ts fails while it is stale).
 */
export const configSchema = z.strictObject({
  ...core,
  risk,
  allocation,
  allocator,
  network,
  storage,
  redis,
  cluster,
  log,
  supervision,
  replay,
  strategies,
  paper,
  live,
  operator,
  chaos,
});

type DeepReadonly<T> = T extends (infer E)[]
  ? ReadonlyArray<DeepReadonly<E>>
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** The validated, frozen configuration. */
export type Config = DeepReadonly<z.output<typeof configSchema>>;

/** What a YAML file may contain (every field optional). */
export type ConfigInput = z.input<typeof configSchema>;
