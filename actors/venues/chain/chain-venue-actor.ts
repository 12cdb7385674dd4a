import type { JsonRpcProvider } from 'ethers';
import type { ActorSpec } from '../../runtime/actor-spec.js';
import type { ActorSystem } from '../../runtime/system.js';
import { flashArbitrageMachine } from '../../../machines/flash-arbitrage.machine.js';
import type { FlashExecutor, SubmittedBundle } from './flash-executor.js';

/**
 * The chain venue as an actor: the flash-arbitrage machine decides, this host does the I/O
 * (reserves, sizing, simulation, relay) through the FlashExecutor and answers with messages.
 * Submitted bundles (signed bytes, bigint amounts) stay here, out of the machine snapshot.
 */
export function chainVenueSpec(executor: FlashExecutor, name = 'venue:chain'): ActorSpec {
  const inFlight = new Map<string, SubmittedBundle>();
  return {
    name,
    machine: flashArbitrageMachine,
    subscribe: ['chain.block'],
    effects: {
      'chain.evaluate': async (event, ctx) => {
        const block = Number(event.block);
        try {
          const outcome = await executor.onBlock(block);
          if (outcome.kind === 'submitted') {
            const b = outcome.bundle;
            inFlight.set(b.txHash, b);
            ctx.reply({ type: 'chain.evaluated', block, outcome: 'submitted', detail: `borrow ${b.opportunity.borrow} of ${b.opportunity.borrowToken}`, txHash: b.txHash, targetBlock: b.targetBlock, deadlineBlock: b.deadlineBlock, predictedNetWei: b.predictedNetWei.toString() });
          } else {
            const detail = outcome.kind === 'simulation-failed' ? outcome.reason : outcome.kind === 'below-threshold' ? `net ${outcome.predictedNetWei} wei below the threshold` : 'no cross-DEX gap';
            ctx.reply({ type: 'chain.evaluated', block, outcome: outcome.kind, detail });
          }
        } catch (err) {
          ctx.logger.warn({ block, err: (err as Error).message }, 'chain evaluation failed');
          ctx.reply({ type: 'chain.evaluated', block, outcome: 'error', detail: (err as Error).message.split('\n')[0] ?? 'error' });
        }
      },
      'chain.followUp': async (event, ctx) => {
        const block = Number(event.block);
        const txHash = String(event.txHash);
        const bundle = inFlight.get(txHash);
        if (!bundle) {
          ctx.reply({ type: 'chain.followedUp', block, txHash, status: 'dropped' });
          return;
        }
        try {
          const status = await executor.followUp(bundle, block);
          if (typeof status === 'number') {
            inFlight.delete(txHash);
            ctx.reply({ type: 'chain.followedUp', block, txHash, status: 'included', includedBlock: status, predictedNetWei: bundle.predictedNetWei.toString() });
          } else {
            if (status !== 'pending') inFlight.delete(txHash);
            ctx.reply({ type: 'chain.followedUp', block, txHash, status, predictedNetWei: bundle.predictedNetWei.toString() });
          }
        } catch (err) {
          ctx.logger.warn({ block, err: (err as Error).message }, 'bundle follow-up failed');
          ctx.reply({ type: 'chain.followedUp', block, txHash, status: 'error' });
        }
      },
    },
  };
}

/** Publishes `chain.block` for every new block the provider sees. Returns the unsubscribe function. */
export function followBlocks(provider: JsonRpcProvider, system: ActorSystem): () => void {
  const listener = (number: number) => void system.publish({ type: 'chain.block', number });
  void provider.on('block', listener);
  return () => void provider.off('block', listener);
}
