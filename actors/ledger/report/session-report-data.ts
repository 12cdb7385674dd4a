import { FAMILIES, type Family } from '../../allocation/family.js';
import { AllocationJournal, type AllocationRecord, type StoredInputs } from '../storage/allocation-journal.js';
import type { EquityPoint } from '../storage/equity-journal.js';
import type { Store } from '../storage/store.js';

/** What a paper session's report reads back from its journal beside the summary. */
export interface SessionReportData {
  /** Each family's equity as the allocation bridge sampled it, on the wall clock every family shares. */
  equity: Partial<Record<Family, EquityPoint[]>>;
  /** Every reallocation of the session, in order, with the per-family inputs behind it. */
  allocations: (AllocationRecord & { inputs: StoredInputs })[];
}

/** One session's family equity curves and reallocations; other sessions and the ledgers' own marks (`<family>/ledger`) are left out. */
export function readSessionReportData(store: Store, session: string): SessionReportData {
  const equity: SessionReportData['equity'] = {};
  for (const point of store.equity.ofSession(session)) {
    const family = FAMILIES.find((f) => f === point.book);
    if (family) (equity[family] ??= []).push({ ts: point.ts, equity: point.equity });
  }
  return { equity, allocations: new AllocationJournal(store.runtimeDb).list(session) };
}
