/**
 * Copies of records keyed by ids (risk reservations by intentId, a market maker's live orders). Each id is a
 * new property name, so a `{ ...record, [id]: value }` copy gets a hidden class of its own: ~1.7 µs per add
 * and delete in Node 20.
 * These copies start in dictionary mode (~0.5 µs). They are still plain objects: same keys, same order.
 */
function emptyDictionary<T>(): Record<string, T> {
  const out: Record<string, unknown> = { a: 0, b: 0 };
  // Deleting a property that is not the last one added switches the object to dictionary mode.
  delete out.a;
  delete out.b;
  return out as Record<string, T>;
}

/** The record with `key` set (in place of the old value if present, else last). */
export function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const out = emptyDictionary<T>();
  for (const k of Object.keys(record)) out[k] = record[k]!;
  out[key] = value;
  return out;
}

/** The record without `key`. */
export function withoutEntry<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const out = emptyDictionary<T>();
  for (const k of Object.keys(record)) if (k !== key) out[k] = record[k]!;
  return out;
}
