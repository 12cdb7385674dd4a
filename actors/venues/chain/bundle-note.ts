import { createHash } from 'node:crypto';
import type { Fill, OrderUpdate } from '../../ledger/types.js';

/**
 * What the journal keeps of a sent bundle, in its legs' `detail` (from the commit before the relay call on): the
 * transaction, the last block it can land in, and the legs' fill prices, so that a later process can settle the legs
 * from the chain alone (hosted-chain-venue.ts) and a harness can match the relay's records to the journal. Every later
 * detail carries it too, possibly after other words (reconciliation's): it is read wherever it is.
 */
export interface BundleNote {
  txHash: string;
  deadlineBlock: number;
  /** Profit token paid per borrowed unit on the buy leg, received on the sell leg. */
  buyPrice: number;
  sellPrice: number;
  /** Paid to the builder inside the transaction; with the gas, the sell leg's fee. */
  builderPaymentWei: bigint;
}

const NOTE = /bundle (0x[0-9a-fA-F]{64}) until block (\d+): buy (\S+) sell (\S+) builder (\d+)/;

export function writeBundleNote(n: BundleNote, more?: string): string {
  const note = `bundle ${n.txHash} until block ${n.deadlineBlock}: buy ${n.buyPrice} sell ${n.sellPrice} builder ${n.builderPaymentWei}`;
  return more ? `${note}; ${more}` : note;
}

export function readBundleNote(detail: string | undefined): BundleNote | undefined {
  const m = detail ? NOTE.exec(detail) : null;
  if (!m) return undefined;
  return { txHash: m[1]!.toLowerCase(), deadlineBlock: Number(m[2]), buyPrice: Number(m[3]), sellPrice: Number(m[4]), builderPaymentWei: BigInt(m[5]!) };
}

/** A landed bundle's fill on one leg: the whole leg at its price; gas and builder payment (profit-token units) on the sell leg. */
export function legFill(leg: Pick<OrderUpdate, 'clientOrderId' | 'intentId' | 'strategy' | 'venue' | 'symbol' | 'side' | 'amount'>, note: BundleNote, fee: number, ts: number): Fill {
  return {
    fillId: `${leg.clientOrderId}:${leg.side}`,
    clientOrderId: leg.clientOrderId,
    intentId: leg.intentId,
    strategy: leg.strategy,
    venue: leg.venue,
    symbol: leg.symbol,
    side: leg.side,
    price: leg.side === 'buy' ? note.buyPrice : note.sellPrice,
    amount: leg.amount,
    fee: leg.side === 'buy' ? 0 : fee,
    liquidity: 'taker',
    ts,
  };
}

/**
 * The replacementUuid a bundle of this intent is sent with (its resends too): the relay records it, so each bundle it
 * received names its intent, and two intents' bundles never share one.
 */
export function bundleUuid(intentId: string): string {
  const h = createHash('sha256').update(intentId).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
