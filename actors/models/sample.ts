/**
 * One supervised example at bar t: the scaled feature vectors of bars t-window+1 … t (oldest first), the scaled
 * vector of bar t+1 (what a time-step net that forecasts its own input learns from), and whether bar t+1 closed above
 * bar t's close. Everything in `window` is known at bar t's close; `next` and `up` are only for training and scoring.
 */
export interface Sample {
  /** Open time of bar t. */
  ts: number;
  window: number[][];
  next: number[];
  up: 0 | 1;
  /** Log return of bar t+1 (close to close): what a long position held over it earns before fees. */
  nextReturn: number;
}
