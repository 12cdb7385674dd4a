import type { z } from 'zod';
import { InputError } from '../runtime/errors.js';
import { closest } from '../../config/suggest.js';

export interface ParamSource {
  /** How a message names the parameter `key`: `--param orderAmount`, `--fast`, `alloc.yaml: strategies.0.params.orderAmount`. */
  label(key: string): string;
  /** Values typed on a command line arrive as strings: a string that reads as a finite number is that number, `true`/`false` a boolean. */
  fromStrings?: boolean;
}

/** A parameter set's validation: the parsed values, or one line per problem and whether every problem is a rule across fields. */
export type StrategyParamsCheck<T> = { ok: true; value: T } | { ok: false; lines: string[]; crossFieldOnly: boolean };

/**
 * Validates one strategy's parameters with its schema (unknown keys rejected, defaults filled).
 * Problems read e.g. `--param orderAmount: must be > 0 (got 0)`. `crossFieldOnly`: each value is fine alone and only a
 * rule relating several (a `refine`, e.g. sma-cross's fast < slow) rejects the set, as a sweep's grid may.
 */
export function checkStrategyParams<S extends z.ZodType>(strategy: string, schema: S, raw: Readonly<Record<string, unknown>>, source: ParamSource): StrategyParamsCheck<z.output<S>> {
  const input = source.fromStrings ? Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, numeric(v)])) : raw;
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const known = paramNames(schema);
  const lines = parsed.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const hint = closest(key, known);
        return `${source.label(key)}: unknown parameter of ${strategy}${hint ? ` (did you mean ${hint}?)` : ''}; known: ${known.join(', ')}`;
      });
    }
    const key = String(issue.path[0] ?? '');
    const got = raw[key];
    const shown = typeof got === 'string' && source.fromStrings ? got : JSON.stringify(got);
    return [`${source.label(key)}: ${describe(issue)} (got ${shown})`];
  });
  return { ok: false, lines, crossFieldOnly: parsed.error.issues.every((issue) => issue.code === 'custom') };
}

/** As checkStrategyParams, throwing one InputError with a line per problem. */
export function parseStrategyParams<S extends z.ZodType>(strategy: string, schema: S, raw: Readonly<Record<string, unknown>>, source: ParamSource): z.output<S> {
  const checked = checkStrategyParams(strategy, schema, raw, source);
  if (checked.ok) return checked.value;
  throw new InputError(`bad ${strategy} parameters`, checked.lines);
}

function numeric(v: unknown): unknown {
  if (typeof v !== 'string' || v.trim() === '') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return `must be ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}`;
    case 'too_big':
      return `must be ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}`;
    case 'invalid_type':
      return issue.expected === 'int' ? 'must be an integer' : `must be a ${issue.expected}`;
    default:
      return issue.message;
  }
}

/** The parameter names a strategy's schema accepts. */
export function paramNames(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}
