import type { Config } from '../../config/schema.js';

/** The strategy families capital is allocated between, in the order every allocation loop walks them. */
export const FAMILIES = ['flash_loans', 'arbitrage', 'market_making', 'ai_trading', 'quantum_trading'] as const satisfies readonly (keyof Config['allocation'])[];

export type Family = (typeof FAMILIES)[number];

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
