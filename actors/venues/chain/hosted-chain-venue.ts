import type { JsonRpcProvider } from 'ethers';
import type { Clock } from '../../runtime/clock.js';
import { VenueUnavailableError } from '../../runtime/errors.js';
import type { OrderJournal } from '../../ledger/storage/order-journal.js';
import type { Venue, VenueOrder } from '../venue.js';
import { localChainVenue } from './local-chain-venue.js';
import { legFill, readBundleNote, writeBundleNote } from './bundle-note.js';
import { toUnits } from '../../strategies/flash-loan/intent-terms.js';

export interface HostedChainVenueOptions {
  provider: JsonRpcProvider;
  /** Where the bundle of an order is read from (its legs' detail, see bundle-note.ts). */
  journal: OrderJournal;
  clock: Clock;
  /** Longest wait for a bundle still able to land to land or pass its deadline. */
  maxWaitMs?: number;
  pollMs?: number;
}

/**
 * A chain another process hosts (a world host's anvil and relay): it outlives this process, so an order journaled by
 * a process that ended is settled from the chain itself. A leg's bundle is the transaction its journaled note names:
 * landed (a receipt) → closed with its fill; past its deadline block without a receipt → canceled (the contract
 * reverts after it, and the relay never includes a reverting bundle); in between, this waits, since a bundle the
 * ended process sent may still land. Bundles are sent by the chain strategy actor, never through execution.
 */
export function hostedChainVenue(id: string, options: HostedChainVenueOptions): Venue {
  const { provider, journal, clock } = options;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const pollMs = options.pollMs ?? 50;

  const fetchOrderByClientId = async (clientOrderId: string): Promise<VenueOrder | undefined> => {
    const order = journal.order(clientOrderId);
    const note = readBundleNote(order?.detail);
    // No note: the commit before the relay call never happened, so the relay never saw it.
    if (!order || !note) return undefined;
    const base = { clientOrderId, symbol: order.symbol, side: order.side, amount: order.amount };
    const until = clock.now() + maxWaitMs;
    for (;;) {
      const [receipt, latest] = await Promise.all([provider.getTransactionReceipt(note.txHash), provider.getBlockNumber()]);
      if (receipt && receipt.status === 1) {
        const journaled = journal.fills(clientOrderId);
        const fee = toUnits(receipt.gasUsed * receipt.gasPrice + note.builderPaymentWei, 18);
        const fills = journaled.length > 0 ? journaled : [legFill(order, note, fee, clock.now())];
        return { ...base, status: 'closed', filled: order.amount, fills, detail: writeBundleNote(note, `landed in block ${receipt.blockNumber}`) };
      }
      if (receipt || latest >= note.deadlineBlock) {
        return { ...base, status: 'canceled', filled: 0, fills: [], detail: writeBundleNote(note, receipt ? `reverted in block ${receipt.blockNumber}` : `not included by its deadline block ${note.deadlineBlock} (chain at ${latest})`) };
      }
      if (clock.now() > until) throw new VenueUnavailableError(`${id}: bundle ${note.txHash} neither landed nor passed block ${note.deadlineBlock} within ${maxWaitMs} ms (chain at ${latest})`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  };

  return { ...localChainVenue(id), inProcess: false, fetchOrderByClientId };
}
