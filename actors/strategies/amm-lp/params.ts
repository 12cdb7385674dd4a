import { z } from 'zod';

/** The LP strategy's parameters (config `strategies.ammLp`, `--param` in a backtest). */
export const ammLpParams = z.strictObject({
  halfWidthTicks: z.number().int().positive().max(20_000).default(200).describe("half-width of the range around the price, in ticks (100 ≈ ±1%), rounded up to the pool's tick spacing"),
  depositFraction: z.number().gt(0).max(1).default(0.9).describe("deposit as a fraction of risk's position limit (maxPositionFraction × capital)"),
  fee: z.number().int().positive().default(500).describe('fee tier to provide in (hundredths of a bip) when followAdvisor is off, or while the advisor has no estimate yet'),
  followAdvisor: z.boolean().default(true).describe("provide in the fee tier the fee advisor picks from the pair's flow, and move when its pick changes"),
  minHoldSec: z.number().nonnegative().default(1_800).describe('recorded seconds a position stays before a change of the advisor\'s tier moves it (leaving the range always re-centres)'),
  volSpikeRatio: z.number().gt(1).default(3).describe("withdraw when the short-window volatility exceeds this many times the long-window one"),
  cooldownSec: z.number().nonnegative().default(900).describe('recorded seconds to stay out after a volatility withdrawal (and until the spike is over) or a risk withdrawal (and until risk is ACTIVE)'),
});

export type AmmLpParams = z.output<typeof ammLpParams>;
