import { OrderRejectedError } from '../../runtime/errors.js';
import type { Venue } from '../venue.js';

/**
 * The local chain as execution and reconciliation see it. Its bundles are sent by the chain strategy actor
 * on risk's approval, never through execution, and cannot be cancelled (a bundle lands by its deadline block
 * or never). The chain is an anvil this process started: after a restart it knows no order of the process
 * that ended, and reconciliation records a bundle journaled then and never settled as lost with it.
 */
export function localChainVenue(id = 'chain:local'): Venue {
  const refuse = (what: string) => Promise.reject(new OrderRejectedError(`${id}: ${what}; bundles go through the chain strategy actor`));
  return {
    id,
    capabilities: { cancelOrder: false, fetchOrderByClientId: true, watchOrderBook: false },
    fees: { maker: 0, taker: 0 },
    inProcess: true,
    createOrder: () => refuse('no orders through execution'),
    cancelOrder: () => refuse('a bundle cannot be cancelled'),
    fetchOrderByClientId: () => Promise.resolve(undefined),
    fetchOrderBook: () => refuse('no order book (the pools are published as book.updated each block)'),
    fetchBalance: () => refuse('no account balances'),
    close: () => Promise.resolve(),
  };
}
