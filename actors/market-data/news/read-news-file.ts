import { readFileSync } from 'node:fs';
import { InputError } from '../../runtime/errors.js';
import type { NewsItem } from './news-item.js';
import { parseNews } from './parse-news.js';

/** Reads a news JSONL file; a missing file or bad line is an InputError naming it. */
export function readNewsFile(file: string): NewsItem[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InputError(`${file}: cannot read news file (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`);
  }
  return parseNews(text, file);
}
