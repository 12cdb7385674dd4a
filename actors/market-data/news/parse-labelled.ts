import { z } from 'zod';
import { parseJsonLines } from './parse-json-lines.js';
import type { Label } from './label-agreement.js';

const LabelledLine = z.object({ id: z.string().min(1), label: z.enum(['positive', 'negative', 'neutral']), title: z.string() });

export interface LabelledHeadline {
  id: string;
  label: Label;
  title: string;
}

/** Parses a labelled-headlines JSONL file (data/news/labelled-by-arbiter.jsonl); a bad line names the file and line. */
export function parseLabelled(text: string, file: string): LabelledHeadline[] {
  return parseJsonLines(text, file, LabelledLine);
}
