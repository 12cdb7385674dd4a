import { flashArbitrageMachine, type FlashArbitrageInput } from './flash-arbitrage.machine.js';
import { declareStrategy } from '../catalogue/strategy-declaration.js';
import { flashLoanParams } from './params.js';

/**
 * The machine decides; the chain venue runs its I/O (evaluate a block, send an approved bundle, follow it up) as the
 * host's `effects`, configured with these parameters. Bundles go to a Flashbots-style relay, never the public mempool.
 */
export const declaration = declareStrategy({
  name: 'flash-loan',
  family: 'flash_loans',
  summary: 'borrows on one DEX, sells on another and repays in one transaction sent as a bundle; net of gas, loan fee and builder payment',
  machine: { file: 'actors/strategies/flash-loan/flash-arbitrage.machine.ts', id: flashArbitrageMachine.id },
  params: flashLoanParams,
  subscribes: ['chain.block', 'orders.approved'],
  needs: ['pools'],
  runs: ['paper'],
  actor(host) {
    if (!host.effects) throw new Error(`flash-loan needs the chain venue's effects on ${host.venue}`);
    const input: FlashArbitrageInput = { strategy: host.name, venue: host.venue, ...(host.session ? { session: host.session } : {}) };
    return { name: `strategy:${host.name}`, machine: flashArbitrageMachine, input, subscribe: ['chain.block', 'orders.approved'], effects: host.effects };
  },
});
