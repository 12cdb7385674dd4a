import { ledgerMachine, type LedgerInput } from '../../machines/ledger.machine.js';
import type { ActorSpec } from '../runtime/actor-spec.js';

export function ledgerActor(input: LedgerInput): ActorSpec {
  return { name: 'ledger', machine: ledgerMachine, input, subscribe: ['orders.updated', 'candle.closed', 'candles.closed'] };
}
