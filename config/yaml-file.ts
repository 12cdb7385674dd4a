import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';

/** Reads a YAML config file. Syntax errors come back as `file:line:col: message` lines, all of them. */
export function readYamlFile(file: string): { value: unknown; issues: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { value: undefined, issues: [`${file}: cannot read config file (${code ?? String(err)})`] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      const where = `${file}:${pos.line}:${pos.col}`;
      return `${where}: YAML syntax error: ${firstLine(e.message)}`;
    });
    return { value: undefined, issues };
  }
  return { value: doc.toJS({ maxAliasCount: 100 }) ?? {}, issues: [] };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!;
}
