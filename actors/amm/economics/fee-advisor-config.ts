import { z } from 'zod';
import { InputError } from '../../runtime/errors.js';

const fraction = z.number().gt(0).lt(1);

/** Fee advisor settings; unknown keys rejected, every bad field listed at once. Fees are fractions (0.0005 = 5 bp). */
export const FeeAdvisorConfigSchema = z
  .object({
    /** Trailing window for volatility and utilisation, ms. */
    windowMs: z.number().gt(0).default(3_600_000),
    /** The seed formula's base_fee: fee per unit of (σ annualised + utilisation per day). */
    baseFee: z.number().gte(0).default(0.003),
    /** The pool's fee while the observed volume was traded: the anchor of the elasticity. */
    currentFee: fraction.default(0.0005),
    /** Share of observed volume taken to be uninformed (not arbitrage). An assumption, not an estimate. */
    uninformedShare: z.number().gte(0).lte(1).default(0.5),
    /** ε: elasticity of uninformed volume to the fee at `currentFee`; with no volatility the model fee is currentFee/ε. */
    elasticity: z.number().gt(0).default(2),
    /** Mean time between blocks, seconds (Ethereum: 12). */
    blockTimeSec: z.number().gt(0).default(12),
    /** The pool's fee tiers to choose among (Uniswap V3: 1, 5, 30, 100 bp). */
    tiers: z.array(fraction).min(1).default([0.0001, 0.0005, 0.003, 0.01]),
    /** The range searched for the continuous (dynamic-fee pool) fee. */
    minFee: fraction.default(0.0001),
    maxFee: fraction.default(0.01),
  })
  .strict()
  .refine((c) => c.minFee <= c.maxFee, { message: 'minFee must be ≤ maxFee', path: ['minFee'] });

export type FeeAdvisorConfig = Readonly<z.infer<typeof FeeAdvisorConfigSchema>>;

export function parseFeeAdvisorConfig(input: unknown = {}): FeeAdvisorConfig {
  const parsed = FeeAdvisorConfigSchema.safeParse(input);
  if (!parsed.success) {
    throw new InputError('fee advisor config: bad fields', parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return Object.freeze(parsed.data);
}
