/** Resolves at the duration, the abort signal, or once `halted` holds (checked every 250 ms), whichever comes first. */
export function untilStopped(options: { durationMs?: number; signal?: AbortSignal; halted: () => boolean }): Promise<void> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(timer);
      clearInterval(haltCheck);
      options.signal?.removeEventListener('abort', done);
      resolve();
    };
    if (options.durationMs !== undefined) timer = setTimeout(done, options.durationMs);
    const haltCheck = setInterval(() => options.halted() && done(), 250);
    options.signal?.addEventListener('abort', done);
    if (options.signal?.aborted) done();
  });
}
