import { InputError } from '../../runtime/errors.js';
import { declareStrategy } from '../catalogue/strategy-declaration.js';
import { quantumPortfolioMachine, type QuantumPortfolioInput } from './quantum-portfolio.machine.js';
import { quantumPortfolioParams } from './params.js';
import { solverThread } from './solver-thread.js';

export const declaration = declareStrategy({
  name: 'quantum-portfolio',
  family: 'quantum_trading',
  summary:
    'holds B of its markets in equal value, re-chosen every rebalance by QAOA (a classical state-vector simulation of a quantum algorithm) on trailing μ and Σ, with the brute-force optimum beside each choice',
  machine: { file: 'actors/strategies/quantum-portfolio/quantum-portfolio.machine.ts', id: quantumPortfolioMachine.id },
  params: quantumPortfolioParams,
  subscribes: ['candles.closed', 'risk.changed'],
  needs: ['candles'],
  runs: ['backtest', 'paper'],
  multiMarket: true,
  actor: (host, params) => {
    const symbols = host.symbols ?? [host.symbol];
    const quotes = new Set(symbols.map((s) => s.split('/')[1]));
    if (quotes.size > 1) throw new InputError(`quantum-portfolio: its markets must share one quote currency (its capital's); ${symbols.join(', ')} have ${[...quotes].join(', ')}`);
    if (params.budget >= symbols.length) throw new InputError(`quantum-portfolio: budget ${params.budget} needs more markets than that; it was given ${symbols.length} (${symbols.join(', ')})`);
    const input: QuantumPortfolioInput = {
      strategy: host.name, session: host.session, venue: host.venue, symbols, capital: host.capital,
      feeRate: host.fees[host.venue] ?? 0, maxPositionFraction: host.limits.maxPositionFraction, params,
    };
    return {
      name: `strategy:${host.name}`,
      machine: quantumPortfolioMachine,
      input,
      subscribe: ['candles.closed', 'risk.changed'],
      effects: {
        'quantum.solve': async (event, ctx) => {
          const choice = await solverThread.solve({ returns: event.returns as number[][], symbols, params, seed: event.seed as number });
          ctx.reply({ type: 'quantum.solved', choice });
        },
      },
    };
  },
});
