import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { ArbiterError, InputError } from '../../actors/runtime/errors.js';
import { buildMarkets, parseExchangeInfo, parseTickers } from '../../actors/strategies/triangular/snapshot.js';
import { scanTriangular } from '../../actors/strategies/triangular/scanner.js';
import { negativeCycles } from '../../actors/strategies/triangular/negative-cycles.js';
import { parseVenueBooks } from '../../actors/strategies/cross-exchange/parse-books.js';
import { crossOpportunities } from '../../actors/strategies/cross-exchange/cross-arbitrage.js';
import type { CommandAbout } from './index.js';

function feeRate(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n >= 1) {
    throw new InvalidArgumentError(`expected a fee rate as a fraction in [0, 1) such as 0.001, got "${value}"`);
  }
  return n;
}

function nonNegative(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`expected a non-negative number, got "${value}"`);
  return n;
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InputError(`${file}: cannot read ${what}`, [(cause as Error).message]);
  }
  if (text.trim() === '') throw new InputError(`${file}: no ${what} (empty file)`);
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new InputError(`${file}: ${what} is not valid JSON`, [(cause as Error).message]);
  }
}

function run(name: string, body: () => void): void {
  try {
    body();
  } catch (err) {
    if (err instanceof ArbiterError) {
      process.stderr.write(`arbiter scan ${name}: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

const pct = (x: number) => `${x.toFixed(4)}%`;

export function register(program: Command, about: CommandAbout): void {
  const scan = program.command(about.name).description(about.summary);

  scan
    .command('triangular')
    .description('Every triangle of one venue profitable after three taker fees, sized on depth, precision and minimums')
    .requiredOption('--tickers <file>', 'Binance /api/v3/ticker/24hr (or bookTicker) JSON for all symbols')
    .option('--markets <file>', 'Binance /api/v3/exchangeInfo JSON (base/quote, status, LOT_SIZE, MIN_NOTIONAL)')
    .requiredOption('--fee <rate>', 'taker fee per leg as a fraction, e.g. 0.001', feeRate)
    .option('--longer [legs]', 'also search longer cycles (log-weight negative-cycle search), up to this many legs (default 6)')
    .option('--json', 'print one JSON object as the last line')
    .action((opts: { tickers: string; markets?: string; fee: number; longer?: boolean | string; json?: boolean }) =>
      run('triangular', () => {
        const tickers = parseTickers(readJson(opts.tickers, 'tickers'), opts.tickers);
        const info = opts.markets ? parseExchangeInfo(readJson(opts.markets, 'exchangeInfo'), opts.markets) : undefined;
        const markets = buildMarkets(tickers, info);
        const result = scanTriangular(markets, opts.fee);
        const maxLegs = opts.longer === undefined || opts.longer === true ? 6 : Number(opts.longer);
        if (!Number.isInteger(maxLegs) || maxLegs < 3) throw new InputError(`--longer: expected a number of legs ≥ 3, got "${String(opts.longer)}"`);
        const longer = opts.longer !== undefined ? negativeCycles(markets, opts.fee, maxLegs) : undefined;
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ fee: opts.fee, ...result, ...(longer ? { longerCycles: longer } : {}) })}\n`);
          return;
        }
        for (const c of longer ?? []) process.stdout.write(`cycle ${c.path.join(' → ')}: net ${pct(c.netPct)}\n`);
        process.stdout.write(`${result.markets} markets, ${result.assets} assets, ${result.triangles} triangles (${result.cycles} directed cycles); ${result.opportunities.length} profitable after fee ${opts.fee}\n`);
        for (const o of result.opportunities) {
          const ok = o.executable === null ? 'rules unknown' : o.executable ? 'executable' : `not executable: ${o.reasons.join('; ')}`;
          process.stdout.write(`${o.path.join(' → ').padEnd(28)} gross ${pct(o.grossPct)} net ${pct(o.netPct)} max ${o.maxSize.toPrecision(6)} ${o.path[0]} profit ${o.expectedProfit.toPrecision(4)} (${ok})\n`);
        }
      }),
    );

  scan
    .command('cross')
    .description('Buy on one venue, sell on another: the crossable size, gross and net profit after both taker fees')
    .requiredOption('--books <file>', 'JSON mapping venue name to a ccxt order book {bids: [[price, amount]], asks: [...]}')
    .requiredOption('--fee <rate>', 'taker fee on each venue as a fraction, e.g. 0.001', feeRate)
    .option('--step <size>', 'round the size down to this base step', nonNegative, 0)
    .option('--json', 'print one JSON object as the last line')
    .action((opts: { books: string; fee: number; step: number; json?: boolean }) =>
      run('cross', () => {
        const books = parseVenueBooks(readJson(opts.books, 'books'), opts.books);
        const found = crossOpportunities(books.map((b) => ({ ...b, takerFee: opts.fee })), opts.step);
        const best = found[0];
        if (opts.json) {
          const summary = best
            ? { crossable: true, size: best.size, grossProfit: best.grossProfit, netProfit: best.netProfit, buyVenue: best.buyVenue, sellVenue: best.sellVenue }
            : { crossable: false, size: 0, grossProfit: 0, netProfit: 0, buyVenue: null, sellVenue: null };
          process.stdout.write(`${JSON.stringify({ fee: opts.fee, venues: books.map((b) => b.venue), ...summary, best: best ?? null, opportunities: found })}\n`);
          return;
        }
        if (!best) {
          process.stdout.write(`no profitable cross between ${books.map((b) => b.venue).join(', ')} after fee ${opts.fee}\n`);
          return;
        }
        for (const o of found) {
          process.stdout.write(`buy ${o.size} on ${o.buyVenue} @ ${o.buyVwap} (limit ${o.buyLimit}), sell on ${o.sellVenue} @ ${o.sellVwap} (limit ${o.sellLimit}): gross ${o.grossProfit}, fees ${o.fees}, net ${o.netProfit} quote; potential ${pct(o.profitPotentialPct)}\n`);
        }
      }),
    );
}
