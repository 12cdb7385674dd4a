import { InputError } from '../../../actors/runtime/errors.js';
import { feeTierOfFile, TICK_SPACING } from '../../../actors/amm/v3/fee-tier.js';

/** The pool's fee from --fee, else from the file name. */
export function poolFee(file: string, flag: string | undefined): { fee: number; tickSpacing: number } {
  if (flag === undefined) return feeTierOfFile(file);
  const fee = Number(flag);
  const tickSpacing = TICK_SPACING[fee];
  if (tickSpacing === undefined) throw new InputError(`--fee ${flag}: expected one of ${Object.keys(TICK_SPACING).join(', ')}`);
  return { fee, tickSpacing };
}
