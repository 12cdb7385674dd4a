import { z } from 'zod';

const wei = () => z.string().regex(/^[0-9]+$/, 'must be a whole number of wei, as a string of digits');

/** Flash-loan arbitrage's parameters; risk alone judges the profit as a fraction (minExpectedProfit). */
export const flashLoanParams = z.strictObject({
  minProfitWei: wei().default('1000000000000000').describe("the venue's dust floor: cycles netting less than this (after gas, loan fee and builder payment) are not proposed to risk"),
  builderPaymentWei: wei().default('0').describe("paid to the block builder from the profit token, inside the bundle's transaction"),
  deadlineBlocks: z.number().int().positive().max(25).default(2).describe('blocks a bundle keeps being re-sent for before it is dropped'),
});
