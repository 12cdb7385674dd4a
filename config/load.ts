import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import type { z } from 'zod';
import { configSchema, type Config } from './schema.js';
import { ConfigError } from './errors.js';
import { envOverrides, setIn, type Env } from './env-overrides.js';
import { SECRET_KEY_NAME, secretsFrom, type Secrets } from './secrets.js';
import { readYamlFile } from './yaml-file.js';
import { keysAt } from './introspect.js';
import { closest } from './suggest.js';

export interface LoadOptions {
  /** YAML config file; without it, defaults plus environment. */
  file?: string;
  /** Defaults to process.env. */
  env?: Env;
  /** `.env` file with secrets (and optionally ARBITER_* overrides). Default `<cwd>/.env`, skipped if absent. */
  envFile?: string;
  cwd?: string;
}

export interface Loaded {
  config: Config;
  secrets: Secrets;
}

/**
 * Defaults ← YAML file ← ARBITER_* environment overrides, validated by the one schema.
 * The `.env` file is read into a private record; process.env is never written.
 * Throws ConfigError naming every bad field at once.
 */
export function loadConfig(opts: LoadOptions = {}): Loaded {
  const cwd = opts.cwd ?? process.cwd();
  const issues: string[] = [];

  const dotenv = readDotenv(opts.envFile ? resolve(cwd, opts.envFile) : resolve(cwd, '.env'), !!opts.envFile, issues);
  // The real environment wins over the .env file, as with dotenv's default.
  const env: Env = { ...dotenv, ...(opts.env ?? process.env) };

  let raw: Record<string, unknown> = {};
  if (opts.file) {
    const file = resolve(cwd, opts.file);
    const read = readYamlFile(file);
    issues.push(...read.issues);
    if (read.issues.length === 0) {
      if (isPlainObject(read.value)) raw = read.value;
      else issues.push(`${file}: the config must be a mapping of sections, got ${typeName(read.value)}`);
    }
  }
  issues.push(...removeSecretKeys(raw));

  const { overrides, issues: envIssues } = envOverrides(env);
  issues.push(...envIssues);
  const origin = new Map<string, string>();
  for (const o of overrides) {
    setIn(raw, o.path, o.value);
    origin.set(o.path.join('.'), o.envName);
  }

  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) issues.push(...parsed.error.issues.flatMap((i) => formatIssue(i, origin)));

  const { secrets, issues: secretIssues } = secretsFrom(env);
  issues.push(...secretIssues);

  if (issues.length > 0 || !parsed.success) throw new ConfigError(opts.file ?? 'defaults + environment', issues);
  return { config: deepFreeze(parsed.data), secrets };
}

/** Defaults only: no file, no environment. Handy for tests and tools. */
export function defaultConfig(): Config {
  return deepFreeze(configSchema.parse({}));
}

function readDotenv(file: string, required: boolean, issues: string[]): Record<string, string> {
  if (!existsSync(file)) {
    if (required) issues.push(`${file}: env file not found`);
    return {};
  }
  return parseDotenv(readFileSync(file));
}

/** A secret in the YAML is an error naming it; it is removed so it is not reported twice as unknown. */
function removeSecretKeys(node: Record<string, unknown>, path: string[] = []): string[] {
  const issues: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    const here = [...path, key];
    if (SECRET_KEY_NAME.test(key)) {
      issues.push(`${here.join('.')}: secrets are not allowed in the config file; set them in the environment or .env (e.g. BINANCE_API_KEY, EXECUTOR_PRIVATE_KEY)`);
      delete node[key];
    } else if (isPlainObject(value)) {
      issues.push(...removeSecretKeys(value, here));
    }
  }
  return issues;
}

function formatIssue(issue: z.core.$ZodIssue, origin: Map<string, string>): string[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(path);
    return issue.keys.map((key) => {
      const hint = closest(key, known);
      return `${[...path, key].join('.')}: unknown key${hint ? ` (did you mean ${hint}?)` : ''}`;
    });
  }
  const name = path.join('.') || '(root)';
  const from = origin.get(name);
  return [`${name}: ${issue.message}${from ? ` (from ${from})` : ''}`];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
