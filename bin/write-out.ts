/**
 * Writes `text` to stdout and resolves once it is all handed to the OS: `process.exit` right after a plain write to a
 * pipe cuts the output at 64 KiB (a venue node's summary is larger). Exit after awaiting it.
 */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.write(text, () => resolve());
  });
}
