import { z } from 'zod';

/**
 * A config section: a strict object (unknown keys rejected) whose missing fields take their defaults.
 * `prefault({})` parses an absent section as `{}`, so every nested default applies.
 */
export function section<S extends z.ZodRawShape>(shape: S) {
  // `{}` is a valid input of any section (every field has a default); TypeScript cannot see that for a generic shape.
  return z.strictObject(shape).prefault({} as never);
}

/** A fraction in [0, 1]. */
export const fraction = () => z.number().min(0).max(1);

export const positiveInt = () => z.number().int().positive();

export const nonNegativeInt = () => z.number().int().nonnegative();

/** A section refinement: `low` must not exceed `high`, reported on `low` with both values. Spread into `.refine(...)`. */
export function notAbove<K extends string>(low: K, high: K) {
  const path: PropertyKey[] = [low];
  return [
    (v: Record<K, number>) => v[low] <= v[high],
    {
      path,
      error: (issue: { input: unknown }) => {
        const v = issue.input as Record<K, number>;
        return `must not exceed ${high} (${v[low]} > ${v[high]})`;
      },
    },
  ] as const;
}
