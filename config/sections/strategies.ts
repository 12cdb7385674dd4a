import { z } from 'zod';
import { section } from './define.js';
import { catalogue } from '../../actors/strategies/catalogue/catalogue.js';
import { configKey } from '../../actors/strategies/catalogue/strategy-declaration.js';

/**
 * One key per catalogue strategy (its name in camelCase): its parameters, with the schema its folder declares, which
 * also checks the backtest's `--param`. Which strategies a session runs is `paper.strategies` / `live.strategy`.
 */
export const strategies = section(
  Object.fromEntries(catalogue.map((d) => [configKey(d.name), (d.params as z.ZodType<Record<string, unknown>>).prefault({}).describe(`${d.name} (${d.family}): ${d.summary}`)])),
);
