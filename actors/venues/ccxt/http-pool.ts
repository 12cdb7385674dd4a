import type { Exchange } from 'ccxt';

export interface PoolOptions {
  /** Keep idle sockets open for the next request; false sends `connection: close` and opens a socket per request. */
  keepAlive: boolean;
  /** Open sockets per host (origin), idle or busy; requests beyond it wait for a free one. */
  maxSockets: number;
}

type ExchangeClass = new (config: object) => Exchange;

/**
 * The ccxt exchange class with its REST connection pool sized by `pool`.
 *
 * ccxt 4.5 on Node sends REST requests through one undici Agent (`fetchDispatcher`, one pool per
 * origin) built from `getDispatcherOptions()`; the `agent`/`httpAgent`/`httpsAgent` constructor
 * options only reach a user-supplied fetchImplementation, so they would change nothing here.
 * undici's `connections` caps sockets per origin, and `pipelining: 0` turns keep-alive off.
 */
export function withPool(Base: ExchangeClass, pool: PoolOptions): ExchangeClass {
  return class extends Base {
    override getDispatcherOptions(isPlainAgent = false): Record<string, unknown> {
      return { ...super.getDispatcherOptions(isPlainAgent), connections: pool.maxSockets, pipelining: pool.keepAlive ? 1 : 0 };
    }
  };
}
