import { z } from 'zod';

/** Top-level scalars (not a section): how the system trades and with how much. */
export const core = {
  mode: z.enum(['paper', 'live']).default('paper').describe('paper matches against recorded data; live needs --live and keys'),
  capital: z.number().positive().default(10_000).describe('starting capital in the quote currency'),
  quoteCurrency: z.string().min(1).default('USDT').describe('currency capital, equity and PnL are counted in'),
};
