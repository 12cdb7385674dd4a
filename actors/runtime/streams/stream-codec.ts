/**
 * The JSON body of a stream entry. Market messages carry only numbers and strings, but a MessageMap entry may carry a
 * bigint (chain messages do): it travels as `{ "$bigint": "<decimal>" }` and comes back a bigint. `undefined` fields
 * are dropped, as JSON drops them.
 */
const BIGINT = '$bigint';

export function encodeBody(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? { [BIGINT]: v.toString() } : v));
}

export function decodeBody(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const tagged = (v as Record<string, unknown>)[BIGINT];
      if (typeof tagged === 'string' && Object.keys(v).length === 1) return BigInt(tagged);
    }
    return v;
  });
}

/** The one field an entry holds: its body. */
export const BODY_FIELD = 'b';
