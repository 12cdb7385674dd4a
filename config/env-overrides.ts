import type { z } from 'zod';
import { ENV_PREFIX, leaves, type Leaf } from './introspect.js';
import { configSchema } from './schema.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface Override {
  envName: string;
  path: string[];
  value: unknown;
}

export interface OverrideResult {
  overrides: Override[];
  /** ARBITER_* variables that name no config key. */
  issues: string[];
}

/**
 * ARBITER_<SECTION>__<KEY>=value overrides. The value is coerced by the schema of the key it names:
 * the first of (string, boolean, number, JSON) that the key's schema accepts, otherwise the most
 * specific reading, so the schema's own error message names what is wrong.
 */
export function envOverrides(env: Env, schema: z.ZodType = configSchema): OverrideResult {
  const byName = new Map<string, Leaf>(leaves(schema).map((leaf) => [leaf.envName, leaf]));
  const overrides: Override[] = [];
  const issues: string[] = [];
  for (const [name, raw] of Object.entries(env).sort(([a], [b]) => a.localeCompare(b))) {
    if (!name.startsWith(ENV_PREFIX) || raw === undefined) continue;
    const leaf = byName.get(name);
    if (!leaf) {
      issues.push(`${name}: unknown config override (no such key; see docs/config.md)`);
      continue;
    }
    overrides.push({ envName: name, path: leaf.path, value: coerce(raw, leaf.schema) });
  }
  return { overrides, issues };
}

function coerce(raw: string, schema: z.ZodType): unknown {
  const candidates = readings(raw);
  return candidates.find((c) => schema.safeParse(c).success) ?? candidates[candidates.length - 1];
}

/** Possible readings of an env string, least to most specific. */
function readings(raw: string): unknown[] {
  const out: unknown[] = [raw];
  const trimmed = raw.trim();
  if (trimmed === 'true' || trimmed === 'false') out.push(trimmed === 'true');
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) out.push(Number(trimmed));
  if (/^[[{]/.test(trimmed)) {
    try {
      out.push(JSON.parse(trimmed));
    } catch {
      // not JSON: the string reading stands
    }
  }
  return out;
}

/** Sets `value` at `path`, creating plain objects on the way (replacing non-objects). */
export function setIn(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}
