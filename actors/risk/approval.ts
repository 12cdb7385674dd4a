import type { OrderIntent } from './intent.js';

/**
 * Proof that the risk actor approved an intent. Only objects minted here are genuine;
 * execution checks `isGenuineApproval`, so a strategy cannot forge one with a literal.
 * Only actors/risk may import `mintApproval` (test/architecture/boundaries.test.ts).
 */
export interface Approval {
  readonly approvalId: string;
  readonly intent: Readonly<OrderIntent>;
  /** Amount risk allows; may be less than the intent asked for. */
  readonly amount: number;
  /** Why `amount` is less than the intent's, one line per check that clipped it (absent when none did). */
  readonly clips?: readonly string[];
  readonly ts: number;
}

const minted = new WeakSet<Approval>();

export function mintApproval(approvalId: string, intent: OrderIntent, amount: number, ts: number, clips?: readonly string[]): Approval {
  const fields = { approvalId, intent: Object.freeze({ ...intent }), amount, ts };
  const approval: Approval = Object.freeze(clips ? { ...fields, clips: Object.freeze([...clips]) } : fields);
  minted.add(approval);
  return approval;
}

export function isGenuineApproval(value: unknown): value is Approval {
  return typeof value === 'object' && value !== null && minted.has(value as Approval);
}
