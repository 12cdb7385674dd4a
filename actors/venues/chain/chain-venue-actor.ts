import type { JsonRpcProvider } from 'ethers';
import type { ActorSpec } from '../../runtime/actor-spec.js';
import type { ActorSystem } from '../../runtime/system.js';
import type { Store } from '../../ledger/storage/store.js';
import { flashArbitrageMachine, type FlashArbitrageInput } from '../../strategies/flash-loan/flash-arbitrage.machine.js';
import type { TokenInfo } from '../../strategies/flash-loan/intent-terms.js';
import type { FlashExecutor } from './flash-executor.js';
import { chainEffects } from './chain-effects.js';

export { chainEffects, type ChainEffectsOptions } from './chain-effects.js';

export interface ChainVenueOptions {
  /** Actor name; `strategy:<strategy>` so that risk's denials reach it. */
  name?: string;
  strategy?: string;
  /** `chain:<name>`: the venue of its intents and of the pool books it publishes. */
  venue?: string;
  /** Symbols and decimals of the pools' tokens, by lower-case address. */
  tokens?: TokenInfo;
  /** The order journal: bundles are journaled as intent + order before they are sent (see chainEffects). */
  store?: Store;
  /** This run's id on the journal, part of every intent id. */
  session?: string;
}

/**
 * The chain strategy/venue as an actor: the flash-arbitrage machine decides, chainEffects does the I/O through
 * the FlashExecutor. A bundle goes to the relay only on a genuine approval of the intent it was proposed as.
 */
export function chainVenueSpec(executor: FlashExecutor, options: ChainVenueOptions = {}): ActorSpec {
  const strategy = options.strategy ?? 'flash-loan';
  const venue = options.venue ?? 'chain:local';
  const input: FlashArbitrageInput = { strategy, venue, ...(options.session ? { session: options.session } : {}) };
  return {
    name: options.name ?? `strategy:${strategy}`,
    machine: flashArbitrageMachine,
    input,
    subscribe: ['chain.block', 'orders.approved'],
    effects: chainEffects(executor, { strategy, venue, tokens: options.tokens ?? {}, store: options.store, session: options.session }),
  };
}

/** Publishes `chain.block` for every new block the provider sees. Returns the unsubscribe function. */
export function followBlocks(provider: JsonRpcProvider, system: ActorSystem): () => void {
  const listener = (number: number) => void system.publish({ type: 'chain.block', number });
  void provider.on('block', listener);
  return () => void provider.off('block', listener);
}
