import { Command } from 'commander';
import { ArbiterError, InputError } from '../../actors/runtime/errors.js';
import { formatTimeframe } from '../../actors/market-data/candles/timeframe.js';
import { describeHoldings } from '../../actors/market-data/history/describe-holdings.js';
import { importHistoryFile } from '../../actors/market-data/history/import-history-file.js';
import { shownUrl } from '../../actors/runtime/shown-url.js';
import { MarketHistoryStore } from '../../actors/market-data/history/market-history-store.js';
import { commandConfig } from '../command-config.js';
import { progressBar } from '../progress.js';
import type { CommandAbout } from './index.js';

interface ImportOpts {
  data: string[];
  venue: string;
  symbol?: string;
  config?: string;
  progress: boolean;
}

const iso = (ts: number) => new Date(ts).toISOString();

function fail(sub: string, err: unknown): never | void {
  if (!(err instanceof ArbiterError)) throw err;
  process.stderr.write(`arbiter history ${sub}: ${err.message}\n`);
  process.exit(2);
}

async function withStore<T>(configFile: string | undefined, use: (store: MarketHistoryStore) => Promise<T>): Promise<T> {
  const store = new MarketHistoryStore(commandConfig(configFile).storage.postgres);
  try {
    await store.connect();
    return await use(store);
  } finally {
    await store.close();
  }
}

async function importFiles(opts: ImportOpts): Promise<void> {
  if (opts.data.length === 0) throw new InputError('--data <file> is required (a candle .json or a trades .csv; repeatable)');
  await withStore(opts.config, async (store) => {
    process.stderr.write(`importing into ${shownUrl(store.db.url)} schema ${store.db.schema}\n`);
    for (const file of opts.data) {
      const bar = opts.progress && process.stderr.isTTY === true ? progressBar(file.split('/').pop() ?? file) : undefined;
      const r = await importHistoryFile(store, file, { venue: opts.venue, symbol: opts.symbol, onProgress: bar });
      const what = r.kind === 'candles' ? `${r.rows} candles ${r.venue} ${r.symbol} ${formatTimeframe(r.timeframeMs!)}` : `${r.rows} trades ${r.venue} ${r.symbol}`;
      process.stdout.write(`${file}: ${what}, ${iso(r.firstTs)} → ${iso(r.lastTs)}; ${r.inserted} new, ${r.rows - r.inserted} already there\n`);
    }
  });
}

async function list(opts: { config?: string }): Promise<void> {
  await withStore(opts.config, async (store) => {
    const lines = describeHoldings(await store.holdings());
    if (lines.length === 0) process.stdout.write(`no market data in ${shownUrl(store.db.url)} schema ${store.db.schema}\n`);
    for (const line of lines) process.stdout.write(`${line}\n`);
  });
}

export function register(program: Command, about: CommandAbout): void {
  const history = program.command(about.name).description(about.summary);
  history
    .command('import')
    .description('Write recorded files into the market-data tables of storage.postgres (url and schema from the config), so `arbiter backtest --from-db` can replay them without a node having recorded them. Idempotent: rows already there are kept, a re-import adds nothing.')
    .option('--data <file>', 'a candle file (.json, data/candles, either format; bar length inferred) or a trades file (.csv, data/trades, data/futures); repeatable or comma-separated', (v: string, prev: string[] = []) => [...prev, ...v.split(',').filter(Boolean)], [])
    .requiredOption('--venue <id>', 'the venue the rows are stored under (a recording node stores its own venue id), e.g. binance')
    .option('--symbol <symbol>', "the market, e.g. BTC/USDT; default for a candle file: its name's (ADA_BTC-5m.json → ADA/BTC); required for a trades file")
    .option('--config <file>', 'YAML config file (storage.postgres.url and .schema); without it, defaults plus ARBITER_* environment overrides')
    .option('--no-progress', 'no progress bar on a terminal')
    .action(async (opts: ImportOpts) => {
      try {
        await importFiles(opts);
      } catch (err) {
        fail('import', err);
      }
    });
  history
    .command('list')
    .description('What the market-data tables of storage.postgres hold: each venue, symbol and bar length with its row count and first and last time')
    .option('--config <file>', 'YAML config file (storage.postgres.url and .schema)')
    .action(async (opts: { config?: string }) => {
      try {
        await list(opts);
      } catch (err) {
        fail('list', err);
      }
    });
}
