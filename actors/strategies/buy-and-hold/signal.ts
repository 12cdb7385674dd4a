import type { LongFlatSignal } from '../../../machines/long-flat.signal.js';

/**
 * buy-and-hold: wants long on every bar from the first and never wants flat, so the machine enters on the first
 * close (again after a denial) and holds to the end. No state, no parameters: the honest baseline.
 */
export const buyAndHoldSignal: LongFlatSignal<null, Record<string, never>> = {
  initial: null,
  step: (state) => ({ state, want: 'long' }),
};
