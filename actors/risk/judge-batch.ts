import { mintApproval, type Approval } from './approval.js';
import { evaluate } from './evaluate-intent.js';
import type { OrderIntent, RiskState } from './intent.js';
import type { RiskLimits } from './limits.js';
import type { Denial } from './messages.js';
import { recordSubmit, toRiskView, type RiskBook } from './risk-book.js';

/** The last this-many judged intent ids are remembered: a repeated intent is denied, never approved twice. */
export const SEEN_MAX = 64;

export interface BatchInput {
  book: RiskBook;
  seenIntents: readonly string[];
  limits: RiskLimits;
  state: RiskState;
  intents: readonly OrderIntent[];
  /** The legs of one trade: every intent approved, or every one denied. */
  allOrNone: boolean;
  ts: number;
}

export interface BatchDecision {
  book: RiskBook;
  seenIntents: string[];
  approvals: Approval[];
  denials: Denial[];
}

export function approvalIdFor(intent: OrderIntent): string {
  return `apv:${intent.intentId}`;
}

interface Judged {
  intent: OrderIntent;
  amount: number;
  clips?: string[];
}

/**
 * Pure: one decision's intents judged in order, each against the book the ones before it left (an approved
 * intent reserves its amount and counts toward the submit rate). With allOrNone a single denial denies the
 * whole group and leaves the book as it was; the other legs name the leg that failed.
 */
export function judgeBatch(input: BatchInput): BatchDecision {
  const { limits, state, ts } = input;
  let book = input.book;
  // Plain scans: at most SEEN_MAX short strings, cheaper than building a Set for every batch.
  const judged: string[] = [];
  const approved: Judged[] = [];
  const denials: Denial[] = [];
  for (const intent of input.intents) {
    if (input.seenIntents.includes(intent.intentId) || judged.includes(intent.intentId)) {
      denials.push({ intent, reason: 'INVALID_INTENT', detail: `intent ${intent.intentId} was already judged; a repeated intent is never approved twice` });
      continue;
    }
    judged.push(intent.intentId);
    const verdict = evaluate(intent, toRiskView(book, state), limits, ts);
    if (!verdict.ok) {
      denials.push({ intent, reason: verdict.reason, detail: verdict.detail });
      continue;
    }
    approved.push(verdict.clips ? { intent, amount: verdict.amount, clips: verdict.clips } : { intent, amount: verdict.amount });
    if (intent.kind === 'cancel') continue;
    const owner = intent.legGroup ?? intent.strategy;
    book = recordSubmit(book, intent.intentId, { symbol: intent.symbol, side: intent.side, kind: intent.kind, amount: verdict.amount, price: intent.price, owner }, ts, limits.submitWindowMs);
  }
  // The window moves on by what this batch judged.
  const remembered = input.seenIntents.slice(Math.max(0, input.seenIntents.length + judged.length - SEEN_MAX));
  for (const id of judged.length > SEEN_MAX ? judged.slice(-SEEN_MAX) : judged) remembered.push(id);
  if (input.allOrNone && denials.length > 0 && approved.length > 0) {
    const first = denials[0]!;
    const detail = `leg of ${first.intent.legGroup ?? 'a group'}: ${first.intent.intentId} was denied (${first.reason}: ${first.detail}); every leg is approved or none`;
    const vetoed = approved.map(({ intent }): Denial => ({ intent, reason: first.reason, detail }));
    // In the order the strategy sent them.
    const order = new Map(input.intents.map((intent, i) => [intent, i]));
    const all = [...denials, ...vetoed].sort((a, b) => order.get(a.intent)! - order.get(b.intent)!);
    return { book: input.book, seenIntents: remembered, approvals: [], denials: all };
  }
  return { book, seenIntents: remembered, approvals: approved.map(({ intent, amount, clips }) => mintApproval(approvalIdFor(intent), intent, amount, ts, clips)), denials };
}
