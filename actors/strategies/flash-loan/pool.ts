import { InputError } from '../../runtime/errors.js';

/** One Uniswap V2-style pool. Reserves are raw token units. */
export interface Pool {
  dex: string;
  pair: string;
  token0: string;
  token1: string;
  reserve0: bigint;
  reserve1: bigint;
  /** Token symbols, when the file carries them (`symbol0`, `symbol1`). */
  symbol0?: string;
  symbol1?: string;
}

const FIELDS = ['dex', 'pair', 'token0', 'token1', 'reserve0', 'reserve1'] as const;
const OPTIONAL_FIELDS = ['symbol0', 'symbol1'] as const;
const DECIMAL = /^[0-9]+$/;

/**
 * Validates a parsed JSON array of `{dex, pair, token0, token1, reserve0, reserve1}` with reserves as
 * decimal strings, and optional `symbol0`, `symbol1`. Every problem is reported, each naming the pool's index (from 0) and field.
 */
export function parsePools(value: unknown, source = 'pools'): Pool[] {
  if (!Array.isArray(value)) throw new InputError(`${source}: expected a JSON array of pools`, [`got ${describe(value)}`]);
  const issues: string[] = [];
  const pools: Pool[] = [];
  value.forEach((entry: unknown, index) => {
    const at = `${source}: pool at index ${index}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      issues.push(`${at}: expected an object, got ${describe(entry)}`);
      return;
    }
    const record = entry as Record<string, unknown>;
    const before = issues.length;
    for (const field of FIELDS) {
      const v = record[field];
      if (field === 'reserve0' || field === 'reserve1') {
        if (typeof v !== 'string' || !DECIMAL.test(v)) {
          issues.push(`${at}: field "${field}": expected a decimal string of raw units, got ${describe(v)}`);
        } else if (BigInt(v) === 0n) {
          issues.push(`${at}: field "${field}": reserve must be positive, got "0"`);
        }
      } else if (typeof v !== 'string' || v.trim() === '') {
        issues.push(`${at}: field "${field}": expected a non-empty string, got ${describe(v)}`);
      }
    }
    for (const field of OPTIONAL_FIELDS) {
      const v = record[field];
      if (v !== undefined && (typeof v !== 'string' || v.trim() === '')) issues.push(`${at}: field "${field}": expected a non-empty string when present, got ${describe(v)}`);
    }
    if (issues.length === before && (record.token0 as string).toLowerCase() === (record.token1 as string).toLowerCase()) {
      issues.push(`${at}: field "token1": same token as token0`);
    }
    if (issues.length > before) return;
    pools.push({
      dex: record.dex as string,
      pair: record.pair as string,
      token0: (record.token0 as string).toLowerCase(),
      token1: (record.token1 as string).toLowerCase(),
      reserve0: BigInt(record.reserve0 as string),
      reserve1: BigInt(record.reserve1 as string),
      ...(record.symbol0 !== undefined ? { symbol0: record.symbol0 as string } : {}),
      ...(record.symbol1 !== undefined ? { symbol1: record.symbol1 as string } : {}),
    });
  });
  if (issues.length > 0) throw new InputError(`${source}: ${issues.length} malformed pool entr${issues.length === 1 ? 'y' : 'ies'}`, issues);
  return pools;
}

/** Parses JSON text first, so a syntax error also names the source. */
export function parsePoolsJson(text: string, source = 'pools'): Pool[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${source}: not valid JSON`, [(err as Error).message]);
  }
  return parsePools(value, source);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing (field missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${JSON.stringify(v)}`;
}
