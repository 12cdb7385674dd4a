import { InputError } from '../../runtime/errors.js';
import type { Sample } from '../sample.js';

/**
 * How a bar's "closed up" indicator is read off its own scaled feature row: `row[column] > threshold`. Min/max
 * scaling is monotone, so the scaled log return is above the scaled zero exactly when the bar closed up; the rule is
 * found from the training samples (each `next` row with its `up`), so the model needs no feature names.
 */
export interface UpRule {
  column: number;
  threshold: number;
}

/** The column whose scaled value of bar t+1 separates `up` perfectly, with the widest gap; its midpoint is the threshold. */
export function fitUpRule(samples: readonly Sample[]): UpRule {
  const width = samples[0]?.next.length ?? 0;
  let best: (UpRule & { gap: number }) | undefined;
  for (let column = 0; column < width; column++) {
    let maxDown = -Infinity;
    let minUp = Infinity;
    for (const s of samples) {
      const v = s.next[column]!;
      if (s.up === 1) minUp = Math.min(minUp, v);
      else maxDown = Math.max(maxDown, v);
    }
    const gap = minUp - maxDown;
    if (Number.isFinite(gap) && gap > 0 && (best === undefined || gap > best.gap)) best = { column, threshold: (maxDown + minUp) / 2, gap };
  }
  if (best === undefined) {
    throw new InputError('samples: no feature tells up bars from down bars (the recurrent models read the up indicator from log_return); give log_return and samples with both up and down bars');
  }
  return { column: best.column, threshold: best.threshold };
}

export function upOf(rule: UpRule, row: readonly number[]): 0 | 1 {
  return row[rule.column]! > rule.threshold ? 1 : 0;
}
