import { inspect } from 'node:util';
import type { Env } from './env-overrides.js';

export interface VenueCredentials {
  apiKey?: string;
  secret?: string;
  /** Some venues (OKX, KuCoin) call it passphrase; ccxt calls it password. */
  password?: string;
}

/** Secrets come only from the environment or a `.env` file, never from the YAML config. */
export interface Secrets {
  /** By lower-case venue id (ccxt exchange id): BINANCE_API_KEY + BINANCE_SECRET → venues.binance. */
  readonly venues: Readonly<Record<string, Readonly<VenueCredentials>>>;
  readonly executorPrivateKey?: string;
  readonly ownerPrivateKey?: string;
  readonly flashbotsAuthKey?: string;
}

const VENUE_KEY = /^([A-Z][A-Z0-9]*)_(API_KEY|SECRET|PASSWORD)$/;
const VENUE_FIELD = { API_KEY: 'apiKey', SECRET: 'secret', PASSWORD: 'password' } as const;

const SINGLE_KEYS = {
  EXECUTOR_PRIVATE_KEY: 'executorPrivateKey',
  OWNER_PRIVATE_KEY: 'ownerPrivateKey',
  FLASHBOTS_AUTH_KEY: 'flashbotsAuthKey',
} as const;

/** Names a config file must never contain (any depth, any casing): they belong in the environment. */
export const SECRET_KEY_NAME = /(api[_-]?key|secret|private[_-]?key|password|passphrase|auth[_-]?key|mnemonic)/i;

export function secretsFrom(env: Env): { secrets: Secrets; issues: string[] } {
  const venues: Record<string, VenueCredentials> = {};
  const single: { -readonly [K in keyof Secrets]?: Secrets[K] } = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    if (name in SINGLE_KEYS) {
      single[SINGLE_KEYS[name as keyof typeof SINGLE_KEYS]] = value;
      continue;
    }
    const match = VENUE_KEY.exec(name);
    if (!match || name.startsWith('ARBITER_')) continue;
    const venue = match[1]!.toLowerCase();
    venues[venue] = { ...venues[venue], [VENUE_FIELD[match[2] as keyof typeof VENUE_FIELD]]: value };
  }
  return { secrets: sealed({ venues, ...single }), issues: distinctKeyIssues(single) };
}

/** RELIABILITY R19: owner, executor and Flashbots auth keys are distinct. */
function distinctKeyIssues(keys: Partial<Record<(typeof SINGLE_KEYS)[keyof typeof SINGLE_KEYS], string>>): string[] {
  const names = Object.entries(SINGLE_KEYS) as Array<[string, keyof typeof keys]>;
  const issues: string[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const [envA, a] = names[i]!;
      const [envB, b] = names[j]!;
      const va = keys[a];
      if (va !== undefined && normalizeKey(va) === normalizeKey(keys[b] ?? '')) {
        issues.push(`${envA}, ${envB}: must be different keys (owner, executor and Flashbots auth keys are distinct)`);
      }
    }
  }
  return issues;
}

function normalizeKey(key: string): string {
  return key.trim().toLowerCase().replace(/^0x/, '');
}

/** Frozen, and printing it (JSON, console, util.inspect) never shows a value. */
function sealed(secrets: Secrets): Secrets {
  const hidden = () => '[secrets redacted]';
  Object.defineProperty(secrets, 'toJSON', { value: hidden, enumerable: false });
  Object.defineProperty(secrets, inspect.custom, { value: hidden, enumerable: false });
  for (const creds of Object.values(secrets.venues)) Object.freeze(creds);
  Object.freeze(secrets.venues);
  return Object.freeze(secrets);
}

/** Every secret value, for the logger to blank wherever one appears (createLogger({ secretValues })). */
export function secretValues(secrets: Secrets): string[] {
  const venueValues = Object.values(secrets.venues).flatMap((c) => [c.apiKey, c.secret, c.password]);
  return [...venueValues, secrets.executorPrivateKey, secrets.ownerPrivateKey, secrets.flashbotsAuthKey].filter((v): v is string => !!v);
}
