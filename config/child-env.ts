import type { Env } from './env-overrides.js';

/** The environment for a child process of ours: this one's, with `overrides` (e.g. ARBITER_* config overrides) on top. */
export function childEnvironment(overrides: Env): Env {
  return { ...process.env, ...overrides };
}
