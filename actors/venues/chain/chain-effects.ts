import type { EffectContext, EffectHandler } from '../../runtime/actor-spec.js';
import { isGenuineApproval, type Approval } from '../../risk/approval.js';
import type { Fill, OrderStatus, OrderUpdate } from '../../ledger/types.js';
import type { Store } from '../../ledger/storage/store.js';
import { clientOrderId } from '../../execution/client-order-id.js';
import { approvedBorrow, cycleTerms, poolsBooks, toUnits, type TokenInfo } from '../../strategies/flash-loan/intent-terms.js';
import type { FlashExecutor, PreparedBundle, SubmittedBundle } from './flash-executor.js';
import { legFill, writeBundleNote, type BundleNote } from './bundle-note.js';

export interface ChainEffectsOptions {
  /** Strategy name: its intents, fills and orders carry it. */
  strategy: string;
  /** `chain:<name>`: the venue of its intents, orders and of the pool books it publishes. */
  venue: string;
  /** Symbols and decimals of the pools' tokens, by lower-case address. */
  tokens: TokenInfo;
  /**
   * The order journal. With it, each bundle is journaled as its intent plus an order row (status submitted)
   * in one commit before the relay is called (R2), and its fills and final status reference that order.
   */
  store?: Store;
  /**
   * This run's id on the journal. The machine puts it in its intent ids (its input's `session`), and the
   * client order id derives from the intent id; with a journal, an intent id without it is not sent.
   */
  session?: string;
}

interface Sent {
  bundle: SubmittedBundle;
  approval: Approval;
  /** What the journal keeps of it: every detail of its legs starts with it. */
  note: BundleNote;
  /** Its two legs as order rows: the buy on one DEX, the sell on the other. */
  legs: [OrderUpdate, OrderUpdate];
}

const firstLine = (err: unknown) => (err as Error).message.split('\n')[0] ?? 'error';

/**
 * The chain strategy/venue's I/O through a FlashExecutor, as the effects its flash-arbitrage machine asks for:
 * `chain.evaluate` reads a block's reserves, publishes one synthetic `book.updated` per token pair (risk's
 * stale-data check and mark) and prepares the best cycle, which the machine proposes to risk;
 * `chain.submit` sends that bundle to the relay, only on a genuine approval of that intent, re-sized to the
 * approved amount; `chain.followUp` asks after it each block and reports its fills once it landed.
 * Prepared and sent bundles (signed bytes, bigint amounts) stay here, out of the machine snapshot.
 */
export function chainEffects(executor: FlashExecutor, options: ChainEffectsOptions): Record<string, EffectHandler> {
  const { strategy, venue, tokens, store } = options;
  const prepared = new Map<number, PreparedBundle>();
  const inFlight = new Map<string, Sent>();
  const borrowUnits = (b: PreparedBundle) => toUnits(b.opportunity.borrow, tokens[b.opportunity.borrowToken]?.decimals ?? 18);

  const fills = (sent: Sent, ctx: EffectContext): Fill[] => {
    const o = sent.bundle.opportunity;
    const fee = toUnits(o.profit - sent.bundle.predictedNetWei, tokens[o.profitToken]?.decimals ?? 18);
    // One transaction bought and sold the same amount: flat, with the gross profit realized and gas (+ builder payment) as the fee.
    return sent.legs.map((leg) => ({ ...legFill(leg, sent.note, fee, ctx.clock.now()), intentId: sent.approval.intent.intentId }));
  };

  /** The legs' new status, journaled by the journal observer; without a journal there is no order to update. */
  const settle = (sent: Sent, status: OrderStatus, detail: string): OrderUpdate[] =>
    store ? sent.legs.map((leg) => ({ ...leg, status, filled: status === 'filled' ? leg.amount : 0, detail: writeBundleNote(sent.note, detail) })) : [];

  /**
   * The commit before the relay call: the intent and one order row per leg of its one transaction (buy the
   * borrowed token on one DEX, sell it on the other), together or not at all. Each leg gets its own fill.
   */
  const journal = (approval: Approval, bundle: PreparedBundle, ts: number): Pick<Sent, 'legs' | 'note'> => {
    const intent = approval.intent;
    if (store && options.session && !intent.intentId.includes(options.session)) {
      throw new Error(`intent ${intent.intentId} does not carry session ${options.session}: give the machine the session, or a second run on this journal would reuse its ids`);
    }
    const o = bundle.opportunity;
    const amount = borrowUnits(bundle);
    const units = (wei: bigint) => toUnits(wei, tokens[o.profitToken]?.decimals ?? 18);
    const note: BundleNote = {
      txHash: bundle.txHash.toLowerCase(), deadlineBlock: bundle.deadlineBlock, buyPrice: units(o.amountIn) / amount, sellPrice: units(o.amountOut) / amount,
      builderPaymentWei: o.profit - bundle.gasUsed * bundle.gasPrice - bundle.predictedNetWei,
    };
    const price = cycleTerms(o, bundle.predictedNetWei, tokens).price;
    const leg = (side: 'buy' | 'sell', index: number): OrderUpdate => ({
      clientOrderId: clientOrderId(intent.intentId, index), intentId: intent.intentId, strategy, venue, symbol: intent.symbol, side,
      status: 'submitted', filled: 0, amount,
    });
    const [buy, sell]: Sent['legs'] = [leg('buy', 0), leg('sell', 1)];
    const detail = writeBundleNote(note);
    store?.orders.recordSubmission(intent, { ...buy, price, ts, detail }, { ...sell, price, ts, detail });
    return { legs: [buy, sell], note };
  };

  return {
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
      let sent: Sent | undefined;
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
        sent = { bundle, approval, ...journal(approval, bundle, ctx.clock.now()) };
        await executor.submit(bundle, approval, cap);
        inFlight.set(bundle.txHash, sent);
        ctx.reply({
          type: 'chain.sent', block, intentId, outcome: 'submitted', detail: `borrow ${bundle.opportunity.borrow} (approved up to ${cap})`,
          txHash: bundle.txHash, targetBlock: bundle.targetBlock, deadlineBlock: bundle.deadlineBlock, predictedNetWei: bundle.predictedNetWei.toString(), borrowed: bundle.opportunity.borrow.toString(), grossProfitWei: bundle.opportunity.profit.toString(), simulated: bundle.simulated,
        });
      } catch (err) {
        ctx.logger.warn({ block, err: firstLine(err) }, 'bundle submission failed');
        // The local relay answers every send: an error means the bundle was not queued.
        if (sent && store) ctx.publish({ type: 'orders.updated', updates: settle(sent, 'rejected', `relay: ${firstLine(err)}`), fills: [] });
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
          ctx.publish({ type: 'orders.updated', updates: settle(sent, 'filled', `landed in block ${status}`), fills: fills(sent, ctx) });
          ctx.reply({ type: 'chain.followedUp', block, txHash, status: 'included', includedBlock: status, predictedNetWei });
        } else {
          if (status !== 'pending') {
            inFlight.delete(txHash);
            if (store) ctx.publish({ type: 'orders.updated', updates: settle(sent, 'cancelled', `bundle ${status} at block ${block}`), fills: [] });
          }
          ctx.reply({ type: 'chain.followedUp', block, txHash, status, predictedNetWei });
        }
      } catch (err) {
        ctx.logger.warn({ block, err: firstLine(err) }, 'bundle follow-up failed');
        // The machine stops following it; whether it lands is unknown, and the journal says so.
        if (store) ctx.publish({ type: 'orders.updated', updates: settle(sent, 'unknown', `follow-up failed at block ${block}: ${firstLine(err)}`), fills: [] });
        ctx.reply({ type: 'chain.followedUp', block, txHash, status: 'error' });
      }
    },
  };
}
