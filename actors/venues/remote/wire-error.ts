import { ArbiterError, InputError, OrderRejectedError, RateLimitedError, VenueUnavailableError } from '../../runtime/errors.js';

/** An error as it crosses the stream: enough to build the same class on the other side. */
export interface WireError {
  name: string;
  shortMessage: string;
  metaMessages: string[];
  retryable: boolean;
  retryAfterMs?: number;
}

export function toWire(error: unknown): WireError {
  if (error instanceof ArbiterError) {
    return {
      name: error.name, shortMessage: error.shortMessage, metaMessages: error.metaMessages, retryable: error.retryable,
      ...(error instanceof RateLimitedError ? { retryAfterMs: error.retryAfterMs } : {}),
    };
  }
  return { name: error instanceof Error ? error.name : 'Error', shortMessage: error instanceof Error ? error.message : String(error), metaMessages: [], retryable: false };
}

/**
 * The same class as on the serving node, for those execution tells apart; any other (a venue's own ArbiterError
 * subclass, a plain Error) becomes an ArbiterError keeping its name, message and whether a retry can help.
 */
export function fromWire(wire: WireError, venue: string): ArbiterError {
  const meta = [...wire.metaMessages, `(from the node serving ${venue})`];
  switch (wire.name) {
    case 'VenueUnavailableError':
      return new VenueUnavailableError(wire.shortMessage, { metaMessages: meta });
    case 'RateLimitedError':
      return new RateLimitedError(wire.shortMessage, wire.retryAfterMs ?? 1_000);
    case 'OrderRejectedError':
      return new OrderRejectedError(wire.shortMessage, { metaMessages: meta });
    case 'InputError':
      return new InputError(wire.shortMessage, wire.metaMessages);
    default: {
      const error = new ArbiterError(wire.shortMessage, { metaMessages: meta, retryable: wire.retryable });
      Object.defineProperty(error, 'name', { value: wire.name });
      return error;
    }
  }
}
