import { basename } from 'node:path';
import { InputError } from '../../runtime/errors.js';

/** The fee tiers Uniswap V3 enables, in hundredths of a bip, with their tick spacing. */
export const TICK_SPACING: Readonly<Record<number, number>> = { 100: 1, 500: 10, 3000: 60, 10000: 200 };

/**
 * A pool event file's fee tier and tick spacing from its name (demeter-fetch style `..._500_0x88e6_...`), as
 * `arbiter amm replay` reads it without --fee. A name without a tier is an InputError naming the file.
 */
export function feeTierOfFile(file: string): { fee: number; tickSpacing: number } {
  const text = basename(file).match(/_(100|500|3000|10000)_/)?.[1];
  if (text === undefined) throw new InputError(`${file}: the pool's fee tier is not in the file name (expected _100_, _500_, _3000_ or _10000_)`);
  const fee = Number(text);
  return { fee, tickSpacing: TICK_SPACING[fee]! };
}
