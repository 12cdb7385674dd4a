/**
 * The JSON body of a stream entry. Market messages carry only numbers and strings, but a MessageMap entry may carry a
 * bigint (chain messages do): it travels as `{ "$bigint": "<decimal>" }` and comes back a bigint. `undefined` fields
 * are dropped, as JSON drops them.
 */
const BIGINT = '$bigint';

const withBigints = (_key: string, v: unknown) => (typeof v === 'bigint' ? { [BIGINT]: v.toString() } : v);

// A replacer or reviver makes JSON several times slower: only bodies that hold a bigint pay for one.
export function encodeBody(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (error instanceof TypeError && /BigInt/i.test(error.message)) return JSON.stringify(value, withBigints);
    throw error;
  }
}

export function decodeBody(text: string): unknown {
  if (!text.includes(`"${BIGINT}"`)) return JSON.parse(text);
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const tagged = (v as Record<string, unknown>)[BIGINT];
      if (typeof tagged === 'string' && Object.keys(v).length === 1) return BigInt(tagged);
    }
    return v;
  });
}

/** The one field an entry holds: its body, or (PACK_FIELD) a JSON array of the bodies of several messages. */
export const BODY_FIELD = 'b';
export const PACK_FIELD = 'p';
