import type { Config } from '../../config/schema.js';
import { FAMILIES, type Family } from '../strategies/catalogue/strategy-declaration.js';

export { FAMILIES, type Family };

/** Every family is a key of the config's allocation section. */
export const FAMILIES_ARE_ALLOCATION_KEYS: readonly (keyof Config['allocation'])[] = FAMILIES;

/** Every family of the config's allocation section is listed above (a new one there fails to compile here). */
export const EVERY_FAMILY_LISTED: [Exclude<keyof Config['allocation'], Family>] extends [never] ? true : never = true;

/** Capital shares of the running families (a family that is not running has no entry). */
export type Weights = Partial<Record<Family, number>>;

export type AllocatorSettings = Config['allocator'];

/** The families that have a weight, in FAMILIES order. */
export function familiesOf(weights: Weights): Family[] {
  return FAMILIES.filter((f) => weights[f] !== undefined);
}

export function totalOf(weights: Weights): number {
  let total = 0;
  for (const f of familiesOf(weights)) total += weights[f]!;
  return total;
}
