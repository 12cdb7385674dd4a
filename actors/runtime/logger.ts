import { isatty } from 'node:tty';
import { pino, type DestinationStream, type Level, type Logger, type LoggerOptions } from 'pino';
import PinoPretty from 'pino-pretty';
import type { Clock } from './clock.js';

export type { Logger } from 'pino';

export interface LoggerFactoryOptions {
  level?: Level | 'silent';
  /** Human-readable lines (pino-pretty). 'auto': when the destination is a terminal. */
  pretty?: boolean | 'auto';
  /** A stream, or a file descriptor. Default 2 (stderr), so stdout stays for command output such as `--json`. */
  destination?: DestinationStream | NodeJS.WritableStream | number;
  /** Secret values (API keys, private keys) to blank wherever they appear in a line, even inside a message or stack. */
  secretValues?: readonly string[];
  /** Stamp `time` from this clock (a simulated clock in replays). Default: wall time. */
  clock?: Clock;
  name?: string;
}

export const REDACTED = '[redacted]';

/** Field names that hold secrets, redacted at depth 1 to 3 (`apiKey`, `*.apiKey`, `*.*.apiKey`). */
const SECRET_FIELDS = [
  'apiKey', 'api_key', 'apikey', 'key', 'secret', 'secretKey', 'secret_key', 'apiSecret', 'privateKey', 'private_key',
  'password', 'passphrase', 'passwd', 'mnemonic', 'authorization', 'Authorization', 'authKey', 'accessToken',
  'refreshToken', 'executorPrivateKey', 'ownerPrivateKey', 'flashbotsAuthKey', 'cookie',
];

/** Any other field whose name looks like a secret (`BINANCE_API_KEY`, `walletSecret`, `x-mbx-apikey`). */
export const SECRET_FIELD_NAME = /(api[-_]?key|secret|private[-_]?key|passw(or)?d|passphrase|mnemonic|auth[-_]?key|authorization|(^|[-_])key$)/i;

const MAX_DEPTH = 4;
const MIN_SECRET_VALUE_LENGTH = 6;

export const REDACT_PATHS = [
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
  'headers.authorization', 'req.headers.authorization', 'err.config.headers.authorization', 'err.config.headers["X-MBX-APIKEY"]',
];

/**
 * The system's pino logger: JSON lines by default, pino-pretty on a terminal or when asked,
 * and secrets redacted by field path, by field-name pattern (depth 1-4) and by value.
 */
export function createLogger(opts: LoggerFactoryOptions = {}): Logger {
  const destination = opts.destination ?? 2;
  const pretty = opts.pretty === 'auto' || opts.pretty === undefined ? typeof destination === 'number' && isatty(destination) : opts.pretty;
  const options: LoggerOptions = {
    level: opts.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    formatters: {
      log: (obj) => redactByName(obj, 1) as Record<string, unknown>,
      bindings: (bindings) => redactByName(bindings, 1) as Record<string, unknown>,
    },
    hooks: { streamWrite: valueScrubber(opts.secretValues ?? []) },
  };
  if (opts.name) options.name = opts.name;
  if (opts.clock) {
    const clock = opts.clock;
    options.timestamp = () => `,"time":${clock.now()}`;
  }
  return pino(options, pretty ? prettyStream(destination) : jsonStream(destination));
}

function jsonStream(destination: NonNullable<LoggerFactoryOptions['destination']>): DestinationStream {
  return typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : (destination as DestinationStream);
}

function prettyStream(destination: NonNullable<LoggerFactoryOptions['destination']>): DestinationStream {
  const colorize = typeof destination === 'number' && isatty(destination);
  return typeof destination === 'number'
    ? PinoPretty({ destination, sync: true, colorize, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' })
    : PinoPretty({ destination: destination as NodeJS.WritableStream, sync: true, colorize: false, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
}

/** Copies plain objects and arrays, blanking fields whose name looks secret; other objects (errors, dates) pass as they are. */
function redactByName(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactByName(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_FIELD_NAME.test(k) && v !== undefined && v !== null ? REDACTED : redactByName(v, depth + 1);
  }
  return out;
}

/** Replaces known secret values (raw and JSON-escaped) in each written line. */
function valueScrubber(values: readonly string[]): (line: string) => string {
  const needles = [...new Set(values.filter((v) => v.length >= MIN_SECRET_VALUE_LENGTH).flatMap((v) => [v, JSON.stringify(v).slice(1, -1)]))];
  if (needles.length === 0) return (line) => line;
  return (line) => needles.reduce((text, needle) => text.split(needle).join(REDACTED), line);
}
