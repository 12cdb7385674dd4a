/** At most `max` samples, evenly spaced, the last one kept: a report's chart needs no more than its width in points. */
export function thin<T>(samples: readonly T[], max = 2_000): T[] {
  if (samples.length <= max) return [...samples];
  const step = samples.length / max;
  const out = Array.from({ length: max - 1 }, (_, k) => samples[Math.floor(k * step)]!);
  out.push(samples.at(-1)!);
  return out;
}
