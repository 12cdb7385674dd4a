import type { Command } from 'commander';

/** A command's name and one-line summary, known without loading the module that implements it. */
export interface CommandAbout {
  name: string;
  summary: string;
}

export interface CommandEntry extends CommandAbout {
  load: () => Promise<{ register: (program: Command, about: CommandAbout) => void }>;
}

/**
 * Every command, one line each. A module is imported only when its command runs or shows its own help, so
 * `arbiter --help` and `arbiter backtest` never load ccxt, ethers or SQLite they do not use.
 */
export const commands: readonly CommandEntry[] = [
  {
    name: 'run',
    summary:
      'Run a trading session. Paper by default: every strategy in paper.strategies trades in its allocation family, each family ' +
      'with its own risk actor on capital × its share: market making on a recorded market through the paper venue, triangular and ' +
      'cross-exchange arbitrage over real ccxt against two local exchanges on 127.0.0.1, flash-loan arbitrage as bundles on a local ' +
      'anvil chain; an allocator moves capital between families from their measured performance; everything is journaled to one ' +
      'SQLite file. No keys, no outside network.',
    load: () => import('./run.js'),
  },
  {
    name: 'metrics',
    summary:
      'Performance metrics (total return, CAGR, volatility, Sharpe, Sortino, max drawdown, Calmar, win rate, profit factor, expectancy, exposure) from a JSON array of periodic returns',
    load: () => import('./metrics.js'),
  },
  {
    name: 'backtest',
    summary: 'Replay recorded candles (files, or PostgreSQL with --from-db) through the live actors (strategy, risk, replay venue) on a simulated clock; prints trades and metrics',
    load: () => import('./backtest.js'),
  },
  {
    name: 'strategies',
    summary: 'The strategy catalogue: each strategy with its family, where it runs, the data it needs, its machine and every parameter with its default',
    load: () => import('./strategies.js'),
  },
  { name: 'scan', summary: 'Find arbitrage in a market snapshot (no orders are sent)', load: () => import('./scan.js') },
  { name: 'quote', summary: 'Quote opportunities from a snapshot (nothing is sent)', load: () => import('./quote.js') },
  {
    name: 'sentiment',
    summary: 'Score timestamped crypto headlines in [-1, 1] (AFINN via `sentiment`, plus a crypto-market lexicon); no network',
    load: () => import('./sentiment.js'),
  },
  {
    name: 'train',
    summary:
      'Train an LSTM, GRU or Transformer on candle features in a worker thread, walk-forward (sliding train/test windows, scaled on ' +
      'training rows only) beside persistence, always-majority and sma-cross; enabled only if significantly better (one-sided exact McNemar); stored in SQLite',
    load: () => import('./train.js'),
  },
  {
    name: 'patterns',
    summary:
      'Chart patterns (harmonic, Elliott wave, Wyckoff) read off zigzag swings of recorded candles, each with its points, ratios, ' +
      'invalidation and the bar that confirmed it; with --books / --trades, a microstructure summary (OFI, Kyle\'s lambda, VPIN, spread, depth imbalance)',
    load: () => import('./patterns.js'),
  },
  {
    name: 'history',
    summary: 'Market-data history in PostgreSQL (storage.postgres): import recorded candle and trade files, list what is there; `arbiter backtest --from-db` replays it',
    load: () => import('./history.js'),
  },
  { name: 'models', summary: 'The trained models stored in SQLite: kind, features, data range, out-of-sample accuracy against the best baseline, enabled and why', load: () => import('./models.js') },
  {
    name: 'quantum',
    summary:
      'Portfolio choice as a QUBO (choose B of n assets, min q·xᵀΣx − μᵀx), solved exactly by brute force beside QAOA: a classical ' +
      'state-vector simulation of a quantum algorithm (no quantum hardware)',
    load: () => import('./quantum.js'),
  },
  {
    name: 'cluster',
    summary:
      'Run a cluster on this machine: one node process owning the venues and the market, the others trading on it over Redis Streams, ' +
      'one global risk budget in a Redis of its own (optionally restarted mid-run), journals in PostgreSQL; then check each journal against the venue\'s own records',
    load: () => import('./cluster.js'),
  },
  {
    name: 'chaos',
    summary:
      'Run the paper session as a child process against venues this command hosts, while killing its actors, SIGKILLing and restarting it on ' +
      'the same journal and making the venues misbehave; then check the journal against the venues\' own order and fill records (exit 1 if anything was lost)',
    load: () => import('./chaos.js'),
  },
  {
    name: 'amm',
    summary: 'Uniswap V3 pools in exact bigint maths: `replay` a recorded day of pool events and check every swap reproduces to the wei; `fees`: a position through the day (fees, impermanent loss, LVR) and the fee advisor beside the seed formula',
    load: () => import('./amm.js'),
  },
  { name: 'demo', summary: 'Self-contained demonstrations on local infrastructure', load: () => import('./demo.js') },
];
