import { binomialUpperTailHalf } from './binomial-tail.js';

export interface McNemar {
  /** Samples the model called right and the baseline wrong. */
  modelOnlyRight: number;
  baselineOnlyRight: number;
  /** P(at least `modelOnlyRight` of the discordant pairs go the model's way) if neither is better: a coin per pair. */
  pValue: number;
}

/**
 * One-sided exact McNemar test that the model is right more often than the baseline on the same samples: only the
 * pairs where exactly one of them is right count, and under "no better" each is a fair coin (exact binomial tail).
 */
export function mcnemarOneSided(modelRight: readonly boolean[], baselineRight: readonly boolean[]): McNemar {
  if (modelRight.length !== baselineRight.length) throw new RangeError(`McNemar needs paired samples: ${modelRight.length} vs ${baselineRight.length}`);
  let b = 0;
  let c = 0;
  for (let i = 0; i < modelRight.length; i++) {
    if (modelRight[i] && !baselineRight[i]) b++;
    else if (!modelRight[i] && baselineRight[i]) c++;
  }
  return { modelOnlyRight: b, baselineOnlyRight: c, pValue: binomialUpperTailHalf(b, b + c) };
}
