import { z } from 'zod';
import { InputError } from '../../runtime/errors.js';
import type { Label } from './label-agreement.js';

const LabelledLine = z.object({ id: z.string().min(1), label: z.enum(['positive', 'negative', 'neutral']), title: z.string() });

export interface LabelledHeadline {
  id: string;
  label: Label;
  title: string;
}

/** Parses a labelled-headlines JSONL file (data/news/labelled-by-arbiter.jsonl); a bad line names the file and line. */
export function parseLabelled(text: string, file: string): LabelledHeadline[] {
  return text.split('\n').flatMap((raw, i) => {
    if (raw.trim() === '') return [];
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (cause) {
      throw new InputError(`${file}:${i + 1}: not JSON (${(cause as Error).message})`);
    }
    const parsed = LabelledLine.safeParse(value);
    if (!parsed.success) throw new InputError(`${file}:${i + 1}: ${parsed.error.issues.map((e) => `field "${e.path.join('.')}": ${e.message}`).join('; ')}`);
    return [parsed.data];
  });
}
