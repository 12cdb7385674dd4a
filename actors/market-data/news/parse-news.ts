import { z } from 'zod';
import { parseJsonLines } from './parse-json-lines.js';
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
  return parseJsonLines(text, file, NewsLine);
}
