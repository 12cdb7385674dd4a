import { InputError } from '../../runtime/errors.js';
import type { BookLevel } from '../../market-data/types.js';

export interface NamedBook {
  venue: string;
  bids: BookLevel[];
  asks: BookLevel[];
}

function levels(raw: unknown, where: string, descending: boolean, issues: string[]): BookLevel[] {
  if (!Array.isArray(raw)) {
    issues.push(`${where}: expected an array of [price, amount]`);
    return [];
  }
  const out: BookLevel[] = [];
  raw.forEach((level: unknown, k: number) => {
    const at = `${where}: level at index ${k}`;
    if (!Array.isArray(level) || level.length < 2) {
      issues.push(`${at}: expected [price, amount]`);
      return;
    }
    const [price, amount] = level.map((v) => (typeof v === 'string' ? Number(v) : v)) as [unknown, unknown];
    if (typeof price !== 'number' || !Number.isFinite(price) || price <= 0) issues.push(`${at}: price: expected a positive number, got ${JSON.stringify(level[0])}`);
    else if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) issues.push(`${at}: amount: expected a non-negative number, got ${JSON.stringify(level[1])}`);
    else {
      const prev = out[out.length - 1];
      if (prev && (descending ? price > prev[0] : price < prev[0])) issues.push(`${at}: price ${price} out of order (${descending ? 'bids descend' : 'asks ascend'})`);
      if (amount > 0) out.push([price, amount]);
    }
  });
  return out;
}

/** Parses `{ venueName: { bids: [[p, a], …], asks: [[p, a], …] }, … }` (ccxt order-book shape); at least two venues. */
export function parseVenueBooks(json: unknown, file: string): NamedBook[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InputError(`invalid books file ${file}`, ['top level: expected an object mapping venue name to {bids, asks}']);
  }
  const issues: string[] = [];
  const books: NamedBook[] = [];
  for (const [venue, book] of Object.entries(json as Record<string, unknown>)) {
    if (typeof book !== 'object' || book === null) {
      issues.push(`${venue}: expected {bids, asks}`);
      continue;
    }
    const b = book as Record<string, unknown>;
    books.push({ venue, bids: levels(b.bids, `${venue}.bids`, true, issues), asks: levels(b.asks, `${venue}.asks`, false, issues) });
  }
  if (issues.length > 0) throw new InputError(`invalid books file ${file}`, issues.slice(0, 20));
  if (books.length === 0) throw new InputError(`${file}: no books; a cross needs two venues or more`);
  if (books.length === 1) throw new InputError(`${file}: one venue (${books[0]!.venue}); a cross needs two venues or more`);
  return books;
}
