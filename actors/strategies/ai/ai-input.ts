import type { StrategyHost } from '../catalogue/strategy-declaration.js';
import type { AiInput, AiMachineParams } from './ai.machine.js';

/** The ai machine's input on a host: its market, capital and fee, the entry fraction and the machine's parameters. */
export function aiInputOn(host: StrategyHost, fraction: number, params: AiMachineParams, patternActor: boolean): AiInput {
  return { strategy: host.name, venue: host.venue, symbol: host.symbol, capital: host.capital, feeRate: host.fees[host.venue] ?? 0, fraction, params, patternActor, ...(host.session ? { session: host.session } : {}) };
}
