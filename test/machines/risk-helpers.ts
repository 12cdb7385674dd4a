import { createActor } from 'xstate';
import type { Message, MessageMap, MessageType } from '../../actors/runtime/messages.js';
import type { Fill } from '../../actors/ledger/types.js';
import type { OrderBook } from '../../actors/market-data/types.js';
import { riskMachine, type RiskEmitted, type RiskInput } from '../../machines/risk.machine.js';

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

export function startRisk(input: RiskInput) {
  const actor = createActor(riskMachine, { input });
  const out: RiskEmitted[] = [];
  actor.on('*', (e) => out.push(e as RiskEmitted));
  actor.start();
  return { actor, out, take: () => out.splice(0, out.length) };
}
