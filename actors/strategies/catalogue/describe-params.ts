import { z } from 'zod';

type JsonSchema = z.core.JSONSchema.JSONSchema;

/** One strategy parameter as `arbiter strategies` shows it; type and constraints use JSON Schema's names. */
export interface ParamDescription {
  name: string;
  /** `number`, `integer`, `string`, `boolean`…; alternatives joined by ` | `. */
  type: string;
  default: unknown;
  description: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  pattern?: string;
}

const BOUNDS = ['minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum'] as const;

function typeOf(p: JsonSchema): string {
  if (typeof p.type === 'string') return p.type;
  if (Array.isArray(p.type)) return p.type.join(' | ');
  const options = p.anyOf ?? p.oneOf;
  if (options) return [...new Set(options.map(typeOf))].join(' | ');
  if (p.const !== undefined) return typeof p.const;
  return 'any';
}

/** A bound that only restates `z.int()` (a safe integer) says nothing about the parameter. */
function meaningful(p: JsonSchema, value: number): boolean {
  return !(p.type === 'integer' && Math.abs(value) === Number.MAX_SAFE_INTEGER);
}

/**
 * The parameters of a strategy's object schema, in declaration order, read through zod's JSON Schema export (the
 * schema's input side: what a config file or `--param` gives). A field without a default or a description throws,
 * naming it: every strategy parameter must have both. Rules across fields (a `refine`) have no JSON Schema form.
 */
export function describeParams(schema: z.ZodType): ParamDescription[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  if (json.type !== 'object' || !json.properties) throw new Error(`strategy parameters must be an object schema, got ${typeOf(json)}`);
  return Object.entries(json.properties).map(([name, p]) => {
    const field: JsonSchema = typeof p === 'boolean' ? {} : p;
    if (!('default' in field)) throw new Error(`strategy parameter "${name}" has no default`);
    if (!field.description) throw new Error(`strategy parameter "${name}" has no description`);
    const described: ParamDescription = { name, type: typeOf(field), default: field.default, description: field.description };
    for (const bound of BOUNDS) {
      const value = field[bound];
      if (typeof value === 'number' && meaningful(field, value)) described[bound] = value;
    }
    if (field.enum) described.enum = field.enum;
    if (field.pattern) described.pattern = field.pattern;
    return described;
  });
}
