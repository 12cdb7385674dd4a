import { InputError } from '../runtime/errors.js';

/**
 * The data rows of a comma-separated file whose first line must be `header`: each row's cells and where it is
 * (`file:line`, 1 = the header) for error messages. Blank lines are skipped; a row with another number of cells than
 * the header is an InputError naming it.
 */
export function* csvRows(text: string, file: string, header: string): Generator<{ cells: string[]; at: string }> {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== header) throw new InputError(`${file}:1: expected the header "${header}", got "${lines[0]?.trim() ?? ''}"`);
  const columns = header.split(',').length;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const at = `${file}:${i + 1}`;
    const cells = line.split(',');
    if (cells.length !== columns) throw new InputError(`${at}: expected ${columns} columns, got ${cells.length}`);
    yield { cells, at };
  }
}
