import type { z } from 'zod';
import { InputError } from '../../runtime/errors.js';

/** JSON Lines text checked line by line against `schema` (blank lines skipped); a bad line is an InputError naming the file and line. */
export function parseJsonLines<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S>[] {
  return text.split('\n').flatMap((raw, i) => {
    if (raw.trim() === '') return [];
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (cause) {
      throw new InputError(`${file}:${i + 1}: not JSON (${(cause as Error).message})`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new InputError(`${file}:${i + 1}: ${parsed.error.issues.map((e) => `field "${e.path.join('.') || '(line)'}": ${e.message}`).join('; ')}`);
    return [parsed.data];
  });
}
