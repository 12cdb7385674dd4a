import { InputError } from '../../runtime/errors.js';

/** Walk-forward window sizes, in bars. */
export interface WalkForwardWindows {
  /** Training samples per fold. */
  trainBars: number;
  /** Test samples per fold; also the step from one fold to the next. */
  testBars: number;
}

/**
 * 1,500 / 1,000: eight folds (8,000 test samples) on the recorded BTC/USDT week (10,080 1m bars, about 10,047 feature
 * rows) with windows up to 500 bars, each fold fitted on about a day of minutes.
 */
export const DEFAULT_WINDOWS: WalkForwardWindows = { trainBars: 1_500, testBars: 1_000 };

/**
 * One fold, as feature-matrix row indexes (inclusive). Training samples sit at rows trainFrom … trainTo-1, so their
 * labels (the next bar) reach trainTo at most; the scaler is fitted on rows trainFrom-window+1 … trainTo, every row
 * a training sample reads. Test samples sit at rows testFrom … testTo, with testFrom = trainTo + 1: no test bar, and
 * no test label, is ever seen in training.
 */
export interface Fold {
  trainFrom: number;
  trainTo: number;
  testFrom: number;
  testTo: number;
}

/**
 * Sliding folds in time order: fold k trains on `trainBars` samples starting k·testBars rows after the first full
 * window, and tests on the `testBars` rows after them. Only whole folds; the last test label must exist.
 */
export function planFolds(rowCount: number, { trainBars, testBars }: WalkForwardWindows, window: number): Fold[] {
  for (const [flag, v] of [['--train-bars', trainBars], ['--test-bars', testBars]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new InputError(`${flag}: must be a whole number ≥ 1, got ${v}`);
  }
  if (trainBars < 2) throw new InputError(`--train-bars: must be at least 2, got ${trainBars}`);
  const folds: Fold[] = [];
  for (let trainFrom = window - 1; ; trainFrom += testBars) {
    const trainTo = trainFrom + trainBars;
    const testFrom = trainTo + 1;
    const testTo = testFrom + testBars - 1;
    if (testTo + 1 > rowCount - 1) break;
    folds.push({ trainFrom, trainTo, testFrom, testTo });
  }
  if (folds.length === 0) {
    const needed = window - 1 + trainBars + 1 + testBars + 1;
    throw new InputError(`--train-bars ${trainBars} --test-bars ${testBars}: the data has ${rowCount} feature rows, one fold with window ${window} needs ${needed}`);
  }
  return folds;
}
