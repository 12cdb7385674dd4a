import type { EffectContext, EffectHandler } from '../../runtime/actor-spec.js';
import { isGenuineApproval, type Approval } from '../../risk/approval.js';
import type { OrderIntent } from '../../risk/intent.js';
import type { Fill, OrderUpdate } from '../../ledger/types.js';
import type { Store } from '../../ledger/storage/store.js';
import { clientOrderId } from '../../execution/client-order-id.js';
import { lpSymbol } from '../../strategies/amm-lp/lp-terms.js';
import type { LpExitReason, LpPosition } from '../../strategies/amm-lp/amm-lp.messages.js';
import type { LpVenue } from './lp-venue.js';
import type { LpTally } from './lp-tally.js';

export interface LpEffectsOptions {
  strategy: string;
  /** With a journal, each mint and burn is journaled (intent and order row, one commit) before the venue is called (R2). */
  store?: Store;
  session?: string;
  /** Keeps each position from mint to burn: the burn reads the position from it, the feed marks its open ones. */
  tally: LpTally;
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'error';

/**
 * The LP machine's I/O on an LpVenue. `amm.mint` runs only on a genuine approval of the machine's own intent, at the
 * approved size; `amm.burn` withdraws the whole position. Each is an order of the position's instrument (lp-terms.ts):
 * bought at deposited / units, sold at (principal + fees) / units, with the transaction's gas as the fee, so the
 * ledger's realised P&L is the position's fees and price change less gas.
 */
export function lpEffects(venue: LpVenue, options: LpEffectsOptions): Record<string, EffectHandler> {
  const { strategy, store } = options;
  const tally = options.tally;
  let lastExit: LpExitReason | undefined;

  const order = (intent: OrderIntent, amount: number): OrderUpdate => ({
    clientOrderId: clientOrderId(intent.intentId, 0), intentId: intent.intentId, strategy, venue: venue.id, symbol: intent.symbol, side: intent.side, status: 'submitted', filled: 0, amount,
  });
  const fill = (o: OrderUpdate, price: number, fee: number, ctx: EffectContext): Fill => ({
    fillId: `${o.clientOrderId}:lp`, clientOrderId: o.clientOrderId, intentId: o.intentId, strategy, venue: venue.id, symbol: o.symbol, side: o.side, price, amount: o.amount, fee, liquidity: 'maker', ts: ctx.clock.now(),
  });
  const checkSession = (intentId: string) => {
    if (store && options.session && !intentId.includes(options.session)) throw new Error(`intent ${intentId} does not carry session ${options.session}: a second run on this journal would reuse its ids`);
  };

  return {
    'amm.mint': async (event, ctx) => {
      const intentId = String(event.intentId);
      const approval = event.approval as Approval;
      if (!isGenuineApproval(approval) || approval.intent.intentId !== intentId || approval.intent.venue !== venue.id) {
        ctx.reply({ type: 'amm.minted', intentId, ok: false, detail: 'not a genuine approval of this intent' });
        return;
      }
      const fee = Number(event.fee);
      const o = order(approval.intent, approval.amount);
      try {
        checkSession(intentId);
        store?.orders.recordSubmission(approval.intent, { ...o, price: 1, ts: ctx.clock.now() });
        const minted = await venue.mint({ fee, tickLower: Number(event.tickLower), tickUpper: Number(event.tickUpper), depositUsd: approval.amount });
        const position: LpPosition = { positionId: minted.positionId, intentId, fee, tickLower: minted.tickLower, tickUpper: minted.tickUpper, units: approval.amount, openedTs: Number(event.recordedTs) };
        tally.opened(position, minted, lastExit === 'out-of-range' || lastExit === 'fee-tier');
        lastExit = undefined;
        ctx.publish({ type: 'orders.updated', updates: [{ ...o, status: 'filled', filled: o.amount, detail: `position ${minted.positionId} minted, block ${minted.block}` }], fills: [fill(o, minted.depositedUsd / o.amount, minted.gasUsd, ctx)] });
        ctx.reply({ type: 'amm.minted', intentId, ok: true, detail: `position ${minted.positionId}`, position });
      } catch (err) {
        ctx.logger.warn({ intentId, err: firstLine(err) }, 'LP mint failed');
        if (store) ctx.publish({ type: 'orders.updated', updates: [{ ...o, status: 'rejected', detail: `mint: ${firstLine(err)}` }], fills: [] });
        ctx.reply({ type: 'amm.minted', intentId, ok: false, detail: firstLine(err) });
      }
    },
    'amm.burn': async (event, ctx) => {
      const positionId = String(event.positionId);
      const intentId = String(event.intentId);
      const position = tally.position(positionId);
      if (!position) {
        ctx.reply({ type: 'amm.burned', positionId, intentId, ok: false, detail: `no open position ${positionId} on ${venue.id}` });
        return;
      }
      const intent: OrderIntent = { intentId, strategy, venue: venue.id, symbol: lpSymbol(position.fee), side: 'sell', kind: 'reduce', type: 'market', amount: position.units, price: 1 };
      const o = order(intent, position.units);
      try {
        checkSession(intentId);
        store?.orders.recordSubmission(intent, { ...o, price: 1, ts: ctx.clock.now() });
        const burned = await venue.burn(positionId);
        lastExit = event.reason as LpExitReason;
        const pnlUsd = tally.closed(position, burned, event.reason as LpExitReason);
        ctx.publish({ type: 'orders.updated', updates: [{ ...o, status: 'filled', filled: o.amount, detail: `position ${positionId} burned (${String(event.reason)}), block ${burned.block}` }], fills: [fill(o, (burned.withdrawnUsd + burned.feesUsd) / o.amount, burned.gasUsd, ctx)] });
        ctx.reply({ type: 'amm.burned', positionId, intentId, ok: true, detail: `collected ${burned.feesUsd.toFixed(2)} USD of fees`, pnlUsd });
      } catch (err) {
        ctx.logger.warn({ positionId, err: firstLine(err) }, 'LP burn failed');
        if (store) ctx.publish({ type: 'orders.updated', updates: [{ ...o, status: 'rejected', detail: `burn: ${firstLine(err)}` }], fills: [] });
        ctx.reply({ type: 'amm.burned', positionId, intentId, ok: false, detail: firstLine(err) });
      }
    },
  };
}
