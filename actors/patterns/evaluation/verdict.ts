/** What a pattern kind's forward returns show against every bar's. */
export type Verdict = 'edge' | 'no edge' | 'adverse' | 'too few';

/**
 * 'too few' below `minCount` entries; otherwise from the confidence interval of the signed difference (pattern minus
 * unconditional, positive = in the pattern's favour): 'edge' when it lies wholly above 0, 'adverse' wholly below,
 * 'no edge' when it holds 0.
 */
export function verdict(n: number, ci: readonly [number, number] | null, minCount: number): Verdict {
  if (n < minCount || ci === null) return 'too few';
  if (ci[0] > 0) return 'edge';
  if (ci[1] < 0) return 'adverse';
  return 'no edge';
}
