import { z } from 'zod';
import { InputError } from '../../runtime/errors.js';
import type { NewsItem } from './news-item.js';

const NewsLine = z.object({
  id: z.string().min(1),
  ts: z.number().int().nonnegative(),
  title: z.string(),
  source: z.string(),
  currencies: z.array(z.string()),
  url: z.string(),
  source_url: z.string().optional(),
});

/** Parses news JSONL text (one item a line, blank lines skipped); a bad line is an InputError naming the file and line. */
export function parseNews(text: string, file: string): NewsItem[] {
  const items: NewsItem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new InputError(`${file}:${i + 1}: not JSON (${(cause as Error).message})`);
    }
    const parsed = NewsLine.safeParse(value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `field "${issue.path.join('.') || '(line)'}": ${issue.message}`);
      throw new InputError(`${file}:${i + 1}: ${issues.join('; ')}`);
    }
    items.push(parsed.data);
  }
  return items;
}
