/**
 * `arbiter … --json | head -1`, or `npm start | tee log` stopped with Ctrl-C (which ends tee too): the
 * reader of stdout or stderr may go away before we finish writing. That is the reader's choice, not our
 * error: later writes to that stream are dropped (EPIPE) instead of ending the process, so whatever was
 * running (a session cancelling its orders, a journal commit) completes as it would have.
 */
export function ignoreClosedOutput(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stream.write = () => true;
  });
}
