import type { Logger } from 'pino';
import type { CcxtVenue } from '../actors/venues/ccxt/ccxt-venue.js';
import type { VenueOrder } from '../actors/venues/venue.js';

/**
 * After the stop's cancelAll: asks the exchange which of our orders it still lists as open and
 * cancels each directly (logged as an error: execution should have), handing each result to
 * `onCancelled` so execution and the journal learn the order's end. Returns how many there were.
 */
export async function cancelLeftovers(
  venue: CcxtVenue,
  symbol: string,
  ours: ReadonlySet<string>,
  logger: Logger,
  onCancelled: (order: VenueOrder) => void = () => {},
): Promise<number> {
  let open: Array<{ clientOrderId?: string }>;
  try {
    open = await venue.exchange.fetchOpenOrders(symbol);
  } catch (err) {
    logger.error({ err }, 'could not list open orders after the stop; check the exchange by hand');
    return 0;
  }
  const left = open.map((o) => o.clientOrderId).filter((id): id is string => id !== undefined && ours.has(id));
  for (const clientOrderId of left) {
    logger.error({ clientOrderId }, 'order still open after cancelAll; cancelling it directly');
    await venue
      .cancelOrder(clientOrderId, symbol)
      .then(onCancelled, (err: unknown) => logger.error({ clientOrderId, err }, 'direct cancel failed; reconcile on next start'));
  }
  return left.length;
}
