import { InputError, type VenueUnavailableError } from '../../runtime/errors.js';

export type UnreachableCause = 'DNS' | 'refused' | 'timeout' | 'other';

/** ccxt keeps the transport error only as text: "binance GET http://127.0.0.1:1/api/v3/time fetch failed: connect ECONNREFUSED 127.0.0.1:1". */
const CAUSE_TABLE: ReadonlyArray<readonly [RegExp, UnreachableCause, string]> = [
  [/\b(?:ENOTFOUND|EAI_AGAIN)\b/, 'DNS', 'DNS lookup failed'],
  [/\bECONNREFUSED\b/, 'refused', 'connection refused'],
  [/\b(?:ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT)\b|timed out/i, 'timeout', 'timed out'],
];

/** The exchange could not be reached (DNS, refused, timeout, or it kept failing): an environment problem, exit 2 without a stack. */
export class VenueUnreachableError extends InputError {
  constructor(
    shortMessage: string,
    readonly exchange: string,
    readonly host: string | undefined,
    readonly reason: UnreachableCause,
  ) {
    super(shortMessage);
  }
}

/** One line naming the exchange, the host of the failing URL, the classified cause and the attempts made. */
export function venueUnreachable(exchange: string, error: VenueUnavailableError, attempts: number): VenueUnreachableError {
  const text = (error.cause instanceof Error ? error.cause.message : error.shortMessage).replace(/\s+/g, ' ').trim();
  const url = /\b(?:GET|POST|PUT|DELETE|HEAD|PATCH) (\S+)/.exec(text)?.[1];
  const host = hostOf(url);
  const [, reason, label] = CAUSE_TABLE.find(([pattern]) => pattern.test(text)) ?? [undefined, 'other' as const, 'other error'];
  const code = /\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+)\b/.exec(text)?.[1] ?? /timed out \((\d+ ?ms)\)/.exec(text)?.[1];
  const detail = reason === 'other' ? `: ${(url ? text.slice(text.indexOf(url) + url.length) : text).trim().slice(0, 160)}` : code ? ` (${code})` : '';
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  return new VenueUnreachableError(`cannot reach ${exchange}${host ? ` at ${host}` : ''}: ${label}${detail}, after ${tries}`, exchange, host, reason);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
