import { z } from 'zod';
import { REGIMES, type Regime } from './regime.js';

const TRADABLE: Regime[] = REGIMES.filter((r) => r !== 'high-volatility');

/** ai parameters, with their defaults: config `strategies.ai`, the backtest's `--param` (and `--model`). */
export const aiParams = z.strictObject({
  model: z.string().min(1).default('best').describe('stored model id (arbiter models), or best: the enabled one with the largest out-of-sample edge over its baseline'),
  threshold: z.number().min(0).max(0.5).default(0.02).describe('enter when P(up) - 0.5 reaches this; exit when 0.5 - P(up) does'),
  profitTarget: z.number().positive().default(0.02).describe('exit when the close is this fraction above the entry price'),
  stopLoss: z.number().gt(0).lt(1).default(0.01).describe('exit when the close is this fraction below the entry price'),
  maxRisk: z.number().gt(0).max(1).default(0.1).describe("the strategy's drawdown from its peak equity at which it exits and stops entering"),
  regimes: z.array(z.enum(REGIMES)).min(1).default(TRADABLE).describe(`market regimes it enters in (${REGIMES.join(', ')})`),
  patternBars: z.number().int().positive().default(10).describe('with a pattern actor running: a bullish pattern detected within this many bars confirms an entry'),
  fraction: z.number().gt(0).max(1).default(0.09).describe("fraction of cash committed on entry (the default stays under risk's 10% position limit)"),
});

export type AiParamValues = z.output<typeof aiParams>;
