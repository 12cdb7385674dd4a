import { section } from './define.js';
import { z } from 'zod';

/** Recorded market data replayed into the paper session. */
export const replay = section({
  speed: z.number().positive().default(500).describe('bars replayed per second'),
  dataFile: z.string().min(1).default('data/candles/BTC_USDT-1m-2021-02-19_week.json').describe('recorded candles (JSON)'),
});
