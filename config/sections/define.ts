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
