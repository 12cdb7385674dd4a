import { nonNegativeInt, notAbove, positiveInt } from './define.js';
import { z } from 'zod';

/**
 * REST transport and retry policy of the ccxt venues (actors/venues/ccxt/ccxt-venue.ts): the live
 * session's exchange and the paper session's local exchanges.
 */
export const network = z
  .strictObject({
    keepAlive: z.boolean().default(true).describe('keep idle connections open for the next request; false opens one connection per request'),
    maxSockets: positiveInt().default(50).describe('max open sockets per host; requests beyond it wait for a free one'),
    timeoutMs: positiveInt().default(5_000).describe('request timeout; a create that times out is UNKNOWN'),
    retries: nonNegativeInt().default(3).describe('retries of idempotent reads (fetchTime, loadMarkets, order, trade, book and balance fetches) after a network error, timeout or 5xx; creates and cancels are sent once'),
    backoffBaseMs: positiveInt().default(200).describe('first retry delay; doubles each attempt, with jitter (at most backoffMaxMs)'),
    backoffMaxMs: positiveInt().default(5_000).describe('cap on the retry delay'),
  })
  .refine(...notAbove('backoffBaseMs', 'backoffMaxMs'))
  .prefault({});
