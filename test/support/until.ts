/** Polls `cond` until it holds, for tests against servers that move in real time; fails naming what it waited for. */
export async function until(what: string, cond: () => boolean, limitMs = 10_000, everyMs = 10): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > limitMs) throw new Error(`gave up waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
