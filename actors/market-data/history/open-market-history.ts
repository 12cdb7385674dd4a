import type { Logger } from 'pino';
import { MarketHistoryStore, type HistoryDatabase } from './market-history-store.js';
import { MarketHistoryWriter, type MarketHistoryWriterOptions } from './market-history-writer.js';

/**
 * A writer over a new store at `db` (config.storage.postgres). Nothing is awaited: the first write connects and
 * creates the tables, and a database that is down is retried by the writer. close() writes what is left and ends
 * the connections.
 */
export function openMarketHistoryWriter(db: HistoryDatabase, options: MarketHistoryWriterOptions): MarketHistoryWriter {
  return new MarketHistoryWriter(new MarketHistoryStore(db, options.logger), options);
}
