/**
 * Rows of cells as lines padded to aligned columns, for terminal output. `right(column)` says which columns are
 * right-aligned (numbers); the last column of a row is never padded, so a free-text column can end a row.
 */
export function columns(rows: readonly (readonly string[])[], options: { indent?: string; right?: (column: number) => boolean } = {}): string[] {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => r[c]?.length ?? 0)));
  const right = options.right ?? (() => false);
  return rows.map((r) => (options.indent ?? '') + r.map((cell, c) => (c === r.length - 1 && !right(c) ? cell : right(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd());
}
