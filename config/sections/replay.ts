import { section } from './define.js';
import { z } from 'zod';

/** Recorded market data replayed into the paper session. */
export const replay = section({
  speed: z.number().positive().default(500).describe('bars replayed per second'),
  dataFile: z.string().min(1).default('data/candles/BTC_USDT-1m-2021-02-19_week.json').describe('recorded candles (JSON)'),
  universe: z
    .array(z.string().min(1))
    .min(2)
    .default(['ADA', 'DASH', 'ETC', 'ETH', 'LTC', 'NXT', 'TRX', 'XLM', 'XMR', 'ZEC'].map((a) => `data/candles/${a}_BTC-5m.json`))
    .describe('recorded candles of the markets a multi-market strategy (quantum-portfolio) trades, replayed step by step on their own clock: one bar length, one quote currency'),
  universeQuoteValue: z
    .number()
    .positive()
    .default(12_000)
    .describe(
      "value of one unit of the universe's quote currency in the capital's currency, fixed for the session: the family's capital is converted at it and its P&L reported at it. Default: BTC in USDT, rounded, for the default files' January 2018 (BTC/USD moved between about 10,000 and 15,000 then; the recording has no BTC/USD series)",
    ),
});
