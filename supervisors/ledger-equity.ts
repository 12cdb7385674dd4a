import type { ActorSystem } from '../actors/runtime/system.js';
import { equityOf, type LedgerContext } from '../machines/ledger.machine.js';

/** A trading system's equity as its ledger actor holds it now, or `capital` while it has no ledger. */
export function ledgerEquity(system: ActorSystem, capital: number): number {
  const ledger = system.actor('ledger')?.snapshot() as { context: LedgerContext } | undefined;
  return ledger ? equityOf(ledger.context) : capital;
}
