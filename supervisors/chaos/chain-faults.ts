import type { ChainWorld } from '../world/chain-world.js';
import type { ChainFault } from './fault-kinds.js';

/** The chain's faults, through its relay; counted as acting by the relay itself (a simulation answered reverted, a bundle accepted and dropped). */
export class ChainFaults {
  constructor(private readonly chain: ChainWorld) {}

  inject(kind: ChainFault): void {
    if (kind === 'simulation-revert') this.chain.faults.revertNextSimulations(1);
    else this.chain.faults.dropNextBundles(1);
  }

  counts(): Partial<Record<ChainFault, number>> {
    return { 'simulation-revert': this.chain.counts.simulationsReverted, 'bundle-drop': this.chain.counts.bundlesDropped };
  }
}
