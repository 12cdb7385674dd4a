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
  readonly ts: number;
}

const minted = new WeakSet<Approval>();

export function mintApproval(approvalId: string, intent: OrderIntent, amount: number, ts: number): Approval {
  const approval: Approval = Object.freeze({ approvalId, intent: Object.freeze({ ...intent }), amount, ts });
  minted.add(approval);
  return approval;
}

export function isGenuineApproval(value: unknown): value is Approval {
  return typeof value === 'object' && value !== null && minted.has(value as Approval);
}
