import ccxt from 'ccxt';
import { ArbiterError, OrderRejectedError, RateLimitedError, VenueUnavailableError } from '../../runtime/errors.js';

/** The exchange's clock and ours disagree beyond its receive window (Binance -1021): resync, then retry. */
export class ClockSkewError extends ArbiterError {
  constructor(shortMessage: string, opts: { cause?: unknown } = {}) {
    super(shortMessage, { ...opts, retryable: true });
  }
}

/** What the venue does with an exchange error. */
export type ErrorAction = 'unavailable' | 'rate-limited' | 'banned' | 'clock-skew' | 'not-found' | 'duplicate' | 'rejected' | 'fatal';

type ErrorClass = new (...args: never[]) => Error;

/** Exact exchange messages first (as ccxt's `exceptions.exact`), then ccxt error classes, most specific first. */
export const MESSAGE_TABLE: ReadonlyArray<readonly [RegExp, ErrorAction]> = [
  [/"code":-2010,"msg":"Duplicate order sent\."/, 'duplicate'],
  [/"code":-1021/, 'clock-skew'],
  [/\b418\b/, 'banned'],
];

export const CLASS_TABLE: ReadonlyArray<readonly [ErrorClass, ErrorAction]> = [
  [ccxt.RateLimitExceeded, 'rate-limited'],
  [ccxt.DDoSProtection, 'rate-limited'],
  [ccxt.InvalidNonce, 'clock-skew'],
  [ccxt.RequestTimeout, 'unavailable'],
  [ccxt.ExchangeNotAvailable, 'unavailable'],
  [ccxt.NetworkError, 'unavailable'],
  [ccxt.BadResponse, 'unavailable'],
  [ccxt.OrderNotFound, 'not-found'],
  [ccxt.DuplicateOrderId, 'duplicate'],
  [ccxt.InsufficientFunds, 'rejected'],
  [ccxt.InvalidOrder, 'rejected'],
  [ccxt.BadSymbol, 'rejected'],
  [ccxt.BadRequest, 'rejected'],
  [ccxt.OperationRejected, 'rejected'],
  [ccxt.AuthenticationError, 'fatal'],
  [ccxt.ExchangeError, 'fatal'],
];

export function classify(err: unknown): ErrorAction {
  const text = err instanceof Error ? err.message : String(err);
  for (const [pattern, action] of MESSAGE_TABLE) if (pattern.test(text)) return action;
  for (const [cls, action] of CLASS_TABLE) if (err instanceof cls) return action;
  return 'fatal';
}

/** One exchange error as an ArbiterError: retryable (unavailable, rate limit, skew) or fatal. */
export function toArbiterError(err: unknown, venue: string, op: string, retryAfterMs = 1000): ArbiterError {
  if (err instanceof ArbiterError) return err;
  const action = classify(err);
  const detail = err instanceof Error ? err.message : String(err);
  const short = `${venue} ${op}: ${detail.slice(0, 200)}`;
  switch (action) {
    case 'unavailable':
      return new VenueUnavailableError(short, { cause: err });
    case 'rate-limited':
      return new RateLimitedError(short, retryAfterMs, { cause: err });
    case 'clock-skew':
      return new ClockSkewError(short, { cause: err });
    case 'rejected':
    case 'duplicate':
    case 'not-found':
      return new OrderRejectedError(short, { cause: err });
    case 'banned':
    case 'fatal':
      return new ArbiterError(short, { cause: err, retryable: false });
  }
}
