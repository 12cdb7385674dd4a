import type { z } from 'zod';
import { configSchema } from './schema.js';

/** Wrappers that hold the real schema inside (defaults, optionals, pipes). */
const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional']);

interface AnyDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
}

function defOf(schema: z.ZodType): AnyDef {
  return (schema as unknown as { def: AnyDef }).def;
}

/** The schema inside defaults/optionals/pipes. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = defOf(unwrap(schema));
  return def.type === 'object' ? def.shape : undefined;
}

export interface Leaf {
  path: string[];
  schema: z.ZodType;
  /** ARBITER_<SECTION>__<KEY>: each path segment in SCREAMING_SNAKE, joined by `__`. */
  envName: string;
}

export const ENV_PREFIX = 'ARBITER_';

export function screamingSnake(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toUpperCase();
}

export function envNameOf(path: readonly string[]): string {
  return ENV_PREFIX + path.map(screamingSnake).join('__');
}

/** Every settable scalar of the schema, in declaration order. */
export function leaves(schema: z.ZodType = configSchema, prefix: string[] = []): Leaf[] {
  const shape = shapeOf(schema);
  if (!shape) return [{ path: prefix, schema, envName: envNameOf(prefix) }];
  return Object.entries(shape).flatMap(([key, child]) => leaves(child, [...prefix, key]));
}

/** A short type for humans: `number`, `boolean`, `'paper' | 'live'`, ... */
export function describeType(schema: z.ZodType): string {
  const inner = unwrap(schema);
  const def = defOf(inner);
  switch (def.type) {
    case 'enum':
      return Object.values(def.entries ?? {}).map((v) => JSON.stringify(v)).join(' \\| ');
    case 'literal':
      return (def.values ?? []).map((v) => JSON.stringify(v)).join(' \\| ');
    case 'union':
      return (def.options ?? []).map(describeType).join(' \\| ');
    default:
      return def.type;
  }
}

export function descriptionOf(schema: z.ZodType): string {
  let current: z.ZodType | undefined = schema;
  while (current) {
    if (current.description) return current.description;
    const def = defOf(current);
    current = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
  }
  return '';
}

/** The keys an object at `path` accepts (empty if `path` is not an object). */
export function keysAt(path: readonly string[], schema: z.ZodType = configSchema): string[] {
  let node: z.ZodType | undefined = schema;
  for (const key of path) node = node ? shapeOf(node)?.[key] : undefined;
  return node ? Object.keys(shapeOf(node) ?? {}) : [];
}
