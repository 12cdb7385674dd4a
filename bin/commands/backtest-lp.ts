import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../actors/runtime/errors.js';
import { DEFAULT_RISK_LIMITS } from '../../actors/risk/limits.js';
import { RISK_PROFILES, type RiskProfile } from '../../actors/backtest/risk-profiles.js';
import { parseStrategyParams } from '../../actors/backtest/strategy-params.js';
import { declarationOf } from '../../actors/strategies/catalogue/catalogue.js';
import { runLpBacktest, type LpBacktestResult } from '../../actors/backtest/lp/run-lp-backtest.js';
import { renderLpReport } from '../../actors/backtest/lp/report/render-lp-report.js';
import { columns } from '../columns.js';
import { checkOutputFile } from '../output-file.js';
import { progressBar } from '../progress.js';

export interface LpBacktestOpts {
  strategy: string;
  events?: string[];
  capital: number;
  gasPriceGwei: number;
  risk: RiskProfile;
  progress: boolean;
  json?: boolean;
  report?: string;
}

/** Flags of the candle backtest that mean nothing to one on recorded swaps. */
const CANDLE_ONLY = ['data', 'allocation', 'fromDb', 'fast', 'slow', 'model', 'db', 'allowDisabled', 'fee', 'fillModel', 'host', 'patterns', 'sensitivity', 'dailyTarget', 'sweep', 'workers', 'rank', 'periodsPerYear', 'riskFree', 'venue', 'symbol', 'timeframe', 'from', 'to', 'config'] as const;
const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
/** Dollars, when --capital is not given: the candle backtest's default of 1 is one BTC. */
export const LP_DEFAULT_CAPITAL = 100_000;

const usd = (v: number) => `${v < 0 ? '−' : ''}$${Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function lines(r: LpBacktestResult): string[] {
  const { lp, baselines } = r;
  const exits = Object.entries(lp.byReason).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  const rows = [
    ['', 'positions', 'fees', 'IL', 'gas', 'P&L'],
    [r.strategy, String(lp.opened), usd(lp.feesUsd), usd(lp.ilUsd), usd(lp.gasUsd), usd(r.pnlUsd)],
    ...(baselines.passive ? [['passive (never moves)', '1', usd(baselines.passive.feesUsd), usd(baselines.passive.ilUsd), usd(baselines.passive.gasUsd), usd(baselines.passive.pnlUsd)]] : []),
    ...(baselines.hold ? [['hold the first deposit', '0', '', '', '', usd(baselines.hold.pnlUsd)]] : []),
  ];
  const vetoes = Object.entries(r.vetoReasons).map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    `${r.strategy} on ${r.files.length} pool(s), ${r.from.slice(0, 16).replace('T', ' ')} → ${r.to.slice(11, 16)} UTC: ${r.blocks.toLocaleString('en-US')} blocks, ${r.swaps.toLocaleString('en-US')} swaps, gas at ${r.gasPriceGwei} gwei, ${r.wallSeconds.toFixed(2)} s`,
    `deposit ${usd(r.depositUsd)} a position, on capital ${usd(r.capital)}; exits: ${exits}; re-centres ${lp.recentres}`,
    ...columns(rows, { right: (c) => c > 0 }),
    `risk: ${r.orders} orders, ${r.fills} fills, ${r.vetoes} vetoes${vetoes ? ` (${vetoes})` : ''}, ${r.riskState} at the end`,
  ];
}

/** `arbiter backtest --strategy <a strategy on recorded swaps> --events <csv> ...`. */
export async function executeLpBacktest(opts: LpBacktestOpts & Record<string, unknown>, command: Command, params: Record<string, string>, label: (key: string) => string): Promise<void> {
  for (const key of CANDLE_ONLY) if (command.getOptionValueSource(key) === 'cli') throw new InputError(`${flagName(key)}: not for ${opts.strategy}, which replays recorded swaps (--events)`);
  if (!opts.events?.length) throw new InputError(`--events <csv> is required for ${opts.strategy}: the recorded pool days, e.g. data/dex/uniswap_v3_usdc_weth_500_0x88e6_2024-01-05_events.csv (repeat for each tier)`);
  if (opts.report) checkOutputFile(opts.report, '--report');
  const declaration = declarationOf(opts.strategy, 'backtest');
  const parsed = parseStrategyParams(declaration.name, declaration.params, params, { label, fromStrings: true });
  const capital = command.getOptionValueSource('capital') === 'cli' ? opts.capital : LP_DEFAULT_CAPITAL;
  const bar = opts.progress && !opts.json && process.stderr.isTTY === true ? progressBar('replaying the recorded blocks', 100) : undefined;
  const result = await runLpBacktest({
    files: opts.events,
    params: parsed,
    capital,
    gasPriceGwei: opts.gasPriceGwei,
    riskLimits: RISK_PROFILES[opts.risk],
    sizingLimits: DEFAULT_RISK_LIMITS,
    onProgress: bar,
    timeline: opts.report !== undefined,
  });
  const { timeline: _series, ...summary } = result;
  process.stdout.write(opts.json ? `${JSON.stringify(summary)}\n` : `${lines(result).join('\n')}\n`);
  if (opts.report) {
    writeFileSync(opts.report, renderLpReport(result));
    process.stderr.write(`report written to ${opts.report}\n`);
  }
}
