/** A statement's text with PostgreSQL's `$n` placeholders, and what fills them: positions of `?`, or names of `@name`. */
export type Placeholders = { text: string; kind: 'positional'; count: number } | { text: string; kind: 'named'; names: string[] };

/**
 * Rewrites better-sqlite3's `?` and `@name` parameters to `$1…$n` (one number per distinct name), leaving string
 * literals, quoted identifiers and comments alone. One statement uses one style, as better-sqlite3 requires.
 */
export function toPlaceholders(sql: string): Placeholders {
  const names: string[] = [];
  let count = 0;
  let text = '';
  for (let i = 0; i < sql.length; ) {
    const c = sql[i]!;
    const end = skipped(sql, i);
    if (end > i) {
      text += sql.slice(i, end);
      i = end;
    } else if (c === '?') {
      text += `$${++count}`;
      i += 1;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))![0];
      let n = names.indexOf(name);
      if (n < 0) n = names.push(name) - 1;
      text += `$${n + 1}`;
      i += 1 + name.length;
    } else {
      text += c;
      i += 1;
    }
  }
  if (count > 0 && names.length > 0) throw new RangeError(`a statement uses either ? or @name parameters, not both: ${sql}`);
  return names.length > 0 ? { text, kind: 'named', names } : { text, kind: 'positional', count };
}

/** Where a literal, quoted identifier or comment starting at `i` ends (a doubled quote is two literals back to back: same text); `i` if none starts there. */
function skipped(sql: string, i: number): number {
  const c = sql[i];
  const until = (close: string, from: number) => {
    const at = sql.indexOf(close, from);
    return at < 0 ? sql.length : at + close.length;
  };
  if (c === "'" || c === '"') return until(c, i + 1);
  if (c === '-' && sql[i + 1] === '-') return until('\n', i + 2);
  if (c === '/' && sql[i + 1] === '*') return until('*/', i + 2);
  return i;
}
