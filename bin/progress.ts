import cliProgress from 'cli-progress';

/** A terminal progress bar on stderr; returns the per-step callback, which redraws every `every` steps. It stops itself at the last step. */
export function progressBar(label: string, every = 50): (done: number, total: number) => void {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | eta {eta_formatted}`, stream: process.stderr, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return (done, total) => {
    if (!started) {
      bar.start(total, 0);
      started = true;
    }
    if (done % every === 0 || done === total) bar.update(done);
    if (done === total) bar.stop();
  };
}
