import type { OrderJournal } from '../../actors/ledger/storage/order-journal.js';
import { TERMINAL_STATUSES } from '../../actors/ledger/storage/order-journal.js';
import { readBundleNote } from '../../actors/venues/chain/bundle-note.js';
import type { ChainRecords } from './chain-world.js';
import type { Verdict } from '../cluster/compare-with-venues.js';

/**
 * The chain's side of a chaos run, in the vocabulary of compareWithVenues: `lost` = transactions the relay received in a
 * bundle that no journaled order names; `duplicated` = intents the relay received more than one transaction for;
 * `untrackedFills` = fills of included bundles missing from the journal, and executor transactions mined outside any
 * bundle the relay included; `unreconciled` = legs whose bundle the chain ended (included, or past its deadline block
 * without landing) that the journal has open, or settled the other way.
 */
export interface ChainVerdict extends Verdict {
  /** Order rows (bundle legs) the journal has on the chain venue, and their fills. */
  orders: number;
  fills: number;
}

const EPS = 1e-9;

/**
 * Compares the journal with what the hosted chain's relay and chain recorded, never with the bot's opinion of itself.
 * Call it once every bot process ended and its last bundle's deadline passed (else a bundle still able to land counts
 * as open, which is right, and not as ended).
 */
export function chainVerdict(journal: OrderJournal, records: ChainRecords, venue = 'chain:local'): ChainVerdict {
  const verdict: ChainVerdict = { orders: 0, fills: 0, lost: 0, duplicated: 0, untrackedFills: 0, unreconciled: 0, examples: [] };
  const example = (kind: string, text: string, clientOrderId?: string) => {
    if (clientOrderId) verdict.firstOrder ??= clientOrderId;
    if (!verdict.examples.some((e) => e.startsWith(`${kind}:`))) verdict.examples.push(`${kind}: ${text}`);
  };
  const orders = journal.ordersOn(venue);
  verdict.orders = orders.length;
  const legsByTx = new Map<string, typeof orders>();
  const txsByIntent = new Map<string, Set<string>>();
  for (const order of orders) {
    const note = readBundleNote(order.detail);
    if (!note) continue;
    legsByTx.set(note.txHash, [...(legsByTx.get(note.txHash) ?? []), order]);
    txsByIntent.set(order.intentId, (txsByIntent.get(order.intentId) ?? new Set()).add(note.txHash));
  }

  const included = new Map<string, number>();
  const received = new Set<string>();
  const txsByUuid = new Map<string, Set<string>>();
  for (const bundle of records.bundles) {
    for (const tx of bundle.txHashes.map((h) => h.toLowerCase())) {
      received.add(tx);
      if (bundle.includedIn !== undefined) included.set(tx, bundle.includedIn);
      if (bundle.replacementUuid) txsByUuid.set(bundle.replacementUuid, (txsByUuid.get(bundle.replacementUuid) ?? new Set()).add(tx));
    }
  }

  for (const tx of received) {
    if (legsByTx.has(tx)) continue;
    verdict.lost += 1;
    example('lost', `the relay received ${tx}${included.has(tx) ? ` (included in block ${included.get(tx)})` : ''}; no journaled order names it`);
  }
  const duplicatedIntents = new Set<string>();
  for (const [intentId, txs] of txsByIntent) if (txs.size > 1) duplicatedIntents.add(intentId);
  for (const [uuid, txs] of txsByUuid) {
    if (txs.size <= 1) continue;
    const intent = [...txs].flatMap((tx) => legsByTx.get(tx) ?? []).map((o) => o.intentId)[0] ?? `replacementUuid ${uuid}`;
    duplicatedIntents.add(intent);
  }
  for (const intent of duplicatedIntents) {
    verdict.duplicated += 1;
    example('duplicated', `intent ${intent}: more than one transaction sent for it`);
  }

  for (const [tx, legs] of legsByTx) {
    const landed = included.get(tx);
    for (const leg of legs) {
      const fills = journal.fills(leg.clientOrderId);
      verdict.fills += fills.length;
      const deadline = readBundleNote(leg.detail)!.deadlineBlock;
      const terminal = (TERMINAL_STATUSES as readonly string[]).includes(leg.status);
      if (landed !== undefined) {
        if (!fills.some((f) => f.fillId === `${leg.clientOrderId}:${leg.side}`)) {
          verdict.untrackedFills += 1;
          example('untrackedFills', `${leg.clientOrderId}: its bundle ${tx} landed in block ${landed}; the journal has no fill for it`, leg.clientOrderId);
        }
        if (leg.status !== 'filled' || Math.abs(leg.filled - leg.amount) > EPS * Math.max(1, leg.amount)) {
          verdict.unreconciled += 1;
          example('unreconciled', `${leg.clientOrderId}: its bundle ${tx} landed in block ${landed}; the journal has it ${leg.status} with ${leg.filled} of ${leg.amount}`, leg.clientOrderId);
        }
      } else if (fills.length > 0 || leg.status === 'filled') {
        verdict.unreconciled += 1;
        example('unreconciled', `${leg.clientOrderId}: the journal has it ${leg.status} with ${fills.length} fill(s); its bundle ${tx} never landed`, leg.clientOrderId);
      } else if (records.head >= deadline && !terminal) {
        verdict.unreconciled += 1;
        example('unreconciled', `${leg.clientOrderId}: its bundle ${tx} passed its deadline block ${deadline} without landing; the journal still has it ${leg.status}`, leg.clientOrderId);
      }
    }
  }
  const mined = records.executorTxs - included.size;
  if (mined > 0) {
    verdict.untrackedFills += mined;
    example('untrackedFills', `the executor ${records.executor} has ${records.executorTxs} transactions mined, the relay included ${included.size}`);
  }
  return verdict;
}
