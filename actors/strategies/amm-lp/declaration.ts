import { declareStrategy } from '../catalogue/strategy-declaration.js';
import { ammLpMachine, type AmmLpInput } from './amm-lp.machine.js';
import { ammLpParams } from './params.js';

/**
 * The machine decides; the LP venue's effects (actors/venues/amm/lp-effects.ts) mint and burn, on the recorded day
 * replayed with exact V3 maths in a backtest or on the real V3 contracts of a local anvil in the paper session.
 */
export const declaration = declareStrategy({
  name: 'amm-lp',
  family: 'market_making',
  summary: 'provides Uniswap V3 liquidity in a range around the price; re-centres when the price leaves it or the fee advisor moves tier, withdraws on a volatility spike or a risk state',
  machine: { file: 'actors/strategies/amm-lp/amm-lp.machine.ts', id: ammLpMachine.id },
  params: ammLpParams,
  subscribes: ['amm.observed', 'amm.withdraw', 'risk.changed', 'orders.approved', 'orders.denied'],
  needs: ['swaps'],
  runs: ['backtest', 'paper'],
  // At the default capital the family's $2,000 sizes a $180 position, whose mint and burn at 20 gwei (~$39) are more
  // than its fees: risk would veto every entry, and its chain would only slow the session down. List it to run it.
  inDefaultSession: false,
  actor(host, params) {
    if (!host.effects) throw new Error(`amm-lp needs the LP venue's effects on ${host.venue}`);
    const input: AmmLpInput = { strategy: host.name, venue: host.venue, ...(host.session ? { session: host.session } : {}), depositUsd: Math.min(params.depositFraction * host.limits.maxPositionFraction * host.capital, host.limits.maxNotionalPerOrder ?? Infinity), params };
    return { name: `strategy:${host.name}`, machine: ammLpMachine, input, subscribe: ['amm.observed', 'amm.withdraw', 'risk.changed', 'orders.approved', 'orders.denied'], effects: host.effects };
  },
});
