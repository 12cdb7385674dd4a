import { createActor } from 'xstate';
import type { Message, MessageMap, MessageType } from '../../actors/runtime/messages.js';
import type { Fill } from '../../actors/ledger/types.js';
import type { OrderBook } from '../../actors/market-data/types.js';
import { riskMachine, type RiskEmitted, type RiskInput } from '../../machines/risk.machine.js';
import type { Approval } from '../../actors/risk/approval.js';
import type { Denial } from '../../actors/risk/messages.js';

let seq = 0;
export function msg<T extends MessageType>(type: T, body: MessageMap[T], ts: number): Message<T> {
  seq += 1;
  return { type, ...body, id: `t${seq}`, correlationId: `c${seq}`, ts } as unknown as Message<T>;
}

export function book(symbol: string, mid: number, ts: number, venue = 'paper'): OrderBook {
  return { venue, symbol, ts, bids: [[mid - 0.5, 5]], asks: [[mid + 0.5, 5]] };
}

export function fill(over: Partial<Fill>): Fill {
  return {
    fillId: `f${++seq}`,
    clientOrderId: 'mm-1.0',
    intentId: 'mm-1',
    strategy: 'mm',
    venue: 'paper',
    symbol: 'BTC/USDT',
    side: 'buy',
    price: 5_000,
    amount: 1,
    fee: 0,
    liquidity: 'taker',
    ts: 0,
    ...over,
  };
}

/** One intent's verdict out of risk's batches, or any other emission as it was. */
export type Seen =
  | { type: 'approved'; approval: Approval }
  | ({ type: 'denied'; to: string } & Denial)
  | Exclude<RiskEmitted, { type: 'orders.approved' | 'orders.denied' }>;

/** Risk's emissions with each batch opened into its verdicts, in emission order. */
export function verdicts(out: readonly RiskEmitted[]): Seen[] {
  return out.flatMap((e): Seen[] => {
    if (e.type === 'orders.approved') return e.approvals.map((approval) => ({ type: 'approved' as const, approval }));
    if (e.type === 'orders.denied') return e.denials.map((d) => ({ type: 'denied' as const, ...d, to: e.to }));
    return [e];
  });
}

export function startRisk(input: RiskInput) {
  const actor = createActor(riskMachine, { input });
  const out: RiskEmitted[] = [];
  actor.on('*', (e) => out.push(e as RiskEmitted));
  actor.start();
  return { actor, out, take: () => verdicts(out.splice(0, out.length)) };
}
