import type { JsonRpcProvider } from 'ethers';
import type { ActorSpec, EffectContext } from '../../runtime/actor-spec.js';
import type { ActorSystem } from '../../runtime/system.js';
import { isGenuineApproval, type Approval } from '../../risk/approval.js';
import type { Fill } from '../../ledger/types.js';
import { flashArbitrageMachine, type FlashArbitrageInput } from '../../../machines/flash-arbitrage.machine.js';
import { approvedBorrow, cycleTerms, poolsBooks, toUnits, type TokenInfo } from '../../strategies/flash-loan/intent-terms.js';
import type { FlashExecutor, PreparedBundle, SubmittedBundle } from './flash-executor.js';

export interface ChainVenueOptions {
  /** Actor name; `strategy:<strategy>` so that risk's denials reach it. */
  name?: string;
  strategy?: string;
  /** `chain:<name>`: the venue of its intents and of the pool books it publishes. */
  venue?: string;
  /** Symbols and decimals of the pools' tokens, by lower-case address. */
  tokens?: TokenInfo;
}

interface Sent {
  bundle: SubmittedBundle;
  approval: Approval;
}

const firstLine = (err: unknown) => (err as Error).message.split('\n')[0] ?? 'error';

/**
 * The chain strategy/venue as an actor. The flash-arbitrage machine decides; this host does the I/O through
 * the FlashExecutor: on each block it reads the reserves, publishes one synthetic `book.updated` per token
 * pair (risk's stale-data check and mark), and prepares the best cycle, which the machine proposes to risk.
 * A bundle goes to the relay only on a genuine approval of that intent, re-sized to the approved amount.
 * Prepared and sent bundles (signed bytes, bigint amounts) stay here, out of the machine snapshot.
 */
export function chainVenueSpec(executor: FlashExecutor, options: ChainVenueOptions = {}): ActorSpec {
  const strategy = options.strategy ?? 'flash-loan';
  const venue = options.venue ?? 'chain:local';
  const tokens = options.tokens ?? {};
  const input: FlashArbitrageInput = { strategy, venue };
  const prepared = new Map<number, PreparedBundle>();
  const inFlight = new Map<string, Sent>();

  const fills = (sent: Sent, ctx: EffectContext): Fill[] => {
    const o = sent.bundle.opportunity;
    const amount = toUnits(o.borrow, tokens[o.borrowToken]?.decimals ?? 18);
    const units = (wei: bigint) => toUnits(wei, tokens[o.profitToken]?.decimals ?? 18);
    const leg = (side: 'buy' | 'sell', paid: bigint, fee: bigint): Fill => ({
      fillId: `${sent.bundle.txHash}:${side}`,
      clientOrderId: sent.bundle.txHash,
      intentId: sent.approval.intent.intentId,
      strategy,
      venue,
      symbol: sent.approval.intent.symbol,
      side,
      price: units(paid) / amount,
      amount,
      fee: units(fee),
      liquidity: 'taker',
      ts: ctx.clock.now(),
    });
    // One transaction bought and sold the same amount: flat, with the gross profit realized and gas (+ builder payment) as the fee.
    return [leg('buy', o.amountIn, 0n), leg('sell', o.amountOut, o.profit - sent.bundle.predictedNetWei)];
  };

  return {
    name: options.name ?? `strategy:${strategy}`,
    machine: flashArbitrageMachine,
    input,
    subscribe: ['chain.block', 'orders.approved'],
    effects: {
      'chain.evaluate': async (event, ctx) => {
        const block = Number(event.block);
        try {
          const evaluation = await executor.evaluate(block);
          for (const book of poolsBooks(venue, evaluation.pools, executor.weth, tokens, ctx.clock.now())) ctx.publish({ type: 'book.updated', book });
          for (const key of prepared.keys()) if (key < block) prepared.delete(key);
          if (evaluation.kind === 'ready') {
            const b = evaluation.bundle;
            prepared.set(block, b);
            const terms = cycleTerms(b.opportunity, b.predictedNetWei, tokens);
            ctx.reply({
              type: 'chain.evaluated', block, outcome: 'proposed', detail: `borrow ${b.opportunity.borrow} of ${b.opportunity.borrowToken}`,
              proposal: { symbol: terms.symbol, amount: terms.amount, price: terms.price, expectedProfit: terms.expectedProfit, predictedNetWei: b.predictedNetWei.toString(), deadlineBlock: b.deadlineBlock },
            });
          } else {
            const detail = evaluation.kind === 'simulation-failed' ? evaluation.reason : evaluation.kind === 'below-threshold' ? `net ${evaluation.predictedNetWei} wei below the venue's floor` : 'no cross-DEX gap';
            ctx.reply({ type: 'chain.evaluated', block, outcome: evaluation.kind, detail });
          }
        } catch (err) {
          ctx.logger.warn({ block, err: firstLine(err) }, 'chain evaluation failed');
          ctx.reply({ type: 'chain.evaluated', block, outcome: 'error', detail: firstLine(err) });
        }
      },
      'chain.submit': async (event, ctx) => {
        const block = Number(event.block);
        const intentId = String(event.intentId);
        const approval = event.approval;
        const asked = prepared.get(block);
        prepared.delete(block);
        if (!isGenuineApproval(approval) || approval.intent.intentId !== intentId || approval.intent.venue !== venue || !asked) {
          ctx.reply({ type: 'chain.sent', block, intentId, outcome: 'refused', detail: asked ? 'not a genuine approval of this intent' : `nothing prepared for block ${block}` });
          return;
        }
        try {
          const cap = approvedBorrow(asked.opportunity.borrow, approval.intent.amount, approval.amount);
          let bundle = asked;
          if (cap < asked.opportunity.borrow) {
            const resized = await executor.resize(asked, cap);
            if (resized.kind !== 'ready') {
              const detail = resized.kind === 'simulation-failed' ? resized.reason : `re-sized to ${cap}: net ${resized.predictedNetWei} wei below the venue's floor`;
              ctx.reply({ type: 'chain.sent', block, intentId, outcome: resized.kind, detail });
              return;
            }
            bundle = resized.bundle;
          }
          const sent = await executor.submit(bundle, approval, cap);
          inFlight.set(sent.txHash, { bundle: sent, approval });
          ctx.reply({
            type: 'chain.sent', block, intentId, outcome: 'submitted', detail: `borrow ${sent.opportunity.borrow} (approved up to ${cap})`,
            txHash: sent.txHash, targetBlock: sent.targetBlock, deadlineBlock: sent.deadlineBlock, predictedNetWei: sent.predictedNetWei.toString(), borrowed: sent.opportunity.borrow.toString(), grossProfitWei: sent.opportunity.profit.toString(), simulated: sent.simulated,
          });
        } catch (err) {
          ctx.logger.warn({ block, err: firstLine(err) }, 'bundle submission failed');
          ctx.reply({ type: 'chain.sent', block, intentId, outcome: 'error', detail: firstLine(err) });
        }
      },
      'chain.followUp': async (event, ctx) => {
        const block = Number(event.block);
        const txHash = String(event.txHash);
        const sent = inFlight.get(txHash);
        if (!sent) {
          ctx.reply({ type: 'chain.followedUp', block, txHash, status: 'dropped' });
          return;
        }
        try {
          const status = await executor.followUp(sent.bundle, block);
          const predictedNetWei = sent.bundle.predictedNetWei.toString();
          if (typeof status === 'number') {
            inFlight.delete(txHash);
            ctx.publish({ type: 'orders.updated', updates: [], fills: fills(sent, ctx) });
            ctx.reply({ type: 'chain.followedUp', block, txHash, status: 'included', includedBlock: status, predictedNetWei });
          } else {
            if (status !== 'pending') inFlight.delete(txHash);
            ctx.reply({ type: 'chain.followedUp', block, txHash, status, predictedNetWei });
          }
        } catch (err) {
          ctx.logger.warn({ block, err: firstLine(err) }, 'bundle follow-up failed');
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
