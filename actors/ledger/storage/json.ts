/**
 * JSON for SQLite columns that round-trips bigint (on-chain amounts are bigint end to end).
 * A bigint is written as {"$bigint":"<decimal>"} and read back as a bigint.
 */
const MARKER = '$bigint';

export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? { [MARKER]: v.toString() } : v));
}

export function fromJson<T = unknown>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => (isBigintMarker(v) ? BigInt(v[MARKER]) : v)) as T;
}

function isBigintMarker(v: unknown): v is { [MARKER]: string } {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === MARKER && typeof (v as Record<string, unknown>)[MARKER] === 'string';
}
