/**
 * `arbiter … --json | head -1`: the reader may close the pipe before we finish writing. That is the
 * reader's choice, not our error: later writes are dropped (EPIPE) instead of ending in a stack trace,
 * and whatever was running (a session stopping, a journal commit) completes as it would have.
 */
export function ignoreClosedStdout(stdout: NodeJS.WriteStream): void {
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdout.write = () => true;
  });
}
