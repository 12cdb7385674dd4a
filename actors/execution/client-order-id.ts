import { createHash } from 'node:crypto';

/** Binance `newClientOrderId`: 1–36 chars of [.A-Z:/a-z0-9_-]. */
export const CLIENT_ORDER_ID_PATTERN = /^[.A-Z:/a-z0-9_-]{1,36}$/;
const MAX = 36;
const DISALLOWED = /[^.A-Z:/a-z0-9_-]/g;

export function isValidClientOrderId(id: string): boolean {
  return CLIENT_ORDER_ID_PATTERN.test(id);
}

/**
 * Deterministic, idempotent clientOrderId for child `childIndex` of an intent (or approval):
 * the same inputs always give the same id, so a retry or a replay can never create a second order.
 * Short, clean ids are kept readable (`mm-42.0`); anything longer or with other characters becomes
 * a readable prefix plus 10 base64url chars of the SHA-256 of the whole root id.
 */
export function clientOrderId(rootId: string, childIndex = 0): string {
  if (!Number.isInteger(childIndex) || childIndex < 0) throw new RangeError(`childIndex must be a non-negative integer, got ${childIndex}`);
  if (rootId.length === 0) throw new RangeError('rootId must not be empty');
  const suffix = `.${childIndex.toString(36)}`;
  const clean = rootId.replace(DISALLOWED, '_');
  if (clean === rootId && clean.length + suffix.length <= MAX) return clean + suffix;
  const hash = createHash('sha256').update(rootId).digest('base64url').slice(0, 10);
  const room = MAX - suffix.length - hash.length - 1;
  return `${clean.slice(0, room)}_${hash}${suffix}`;
}

export const clientOrderIdFor = clientOrderId;
