import { basename } from 'node:path';
import { InputError } from '../../../actors/runtime/errors.js';

/** The fee tiers Uniswap V3 enables, in hundredths of a bip, with their tick spacing. */
export const TICK_SPACING: Readonly<Record<number, number>> = { 100: 1, 500: 10, 3000: 60, 10000: 200 };

/** The pool's fee from --fee, else from the file name (demeter-fetch style `..._500_0x88e6_...`). */
export function poolFee(file: string, flag: string | undefined): { fee: number; tickSpacing: number } {
  const text = flag ?? basename(file).match(/_(100|500|3000|10000)_/)?.[1];
  if (text === undefined) throw new InputError(`${file}: the pool's fee tier is not in the file name; give --fee 100|500|3000|10000`);
  const fee = Number(text);
  const tickSpacing = TICK_SPACING[fee];
  if (tickSpacing === undefined) throw new InputError(`--fee ${text}: expected one of ${Object.keys(TICK_SPACING).join(', ')}`);
  return { fee, tickSpacing };
}
