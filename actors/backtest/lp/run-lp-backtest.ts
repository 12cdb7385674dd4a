import { pino, type Logger } from 'pino';
import { bootTradingSystem } from '../../../supervisors/boot.js';
import { supervisionFrom } from '../../../supervisors/from-config.js';
import { sessionCounters } from '../../../supervisors/session-counters.js';
import { ledgerEquity } from '../../../supervisors/ledger-equity.js';
import { riskStateOf } from '../../../supervisors/session-summary.js';
import { defaultConfig } from '../../../config/index.js';
import { SimulatedClock } from '../../runtime/clock.js';
import { riskActor } from '../../risk/risk-actor.js';
import { DEFAULT_RISK_LIMITS, type RiskLimits } from '../../risk/limits.js';
import { ledgerActor } from '../../ledger/ledger-actor.js';
import { executionActor } from '../../execution/execution-actor.js';
import { AmmObserver } from '../../market-data/amm/amm-observer.js';
import { declarationOf } from '../../strategies/catalogue/catalogue.js';
import { replayAmm } from '../../venues/amm/replay-amm.js';
import { lpEffects } from '../../venues/amm/lp-effects.js';
import { LpTally, type LpSummary } from '../../venues/amm/lp-tally.js';
import { AmmFeed } from '../../venues/amm/amm-feed.js';
import { lpBaselines, type LpBaselines } from './lp-baselines.js';
import { lpTimeline, type LpTimeline } from './lp-timeline.js';
import type { AmmLpInput } from '../../strategies/amm-lp/amm-lp.machine.js';

/** The backtest's LP venue: `chain:` so that execution leaves its approvals to the strategy's effects. */
export const REPLAY_LP_VENUE = 'chain:amm-replay';

export interface LpBacktestOptions {
  /** Recorded pool event files (data/dex/*_events.csv), one per fee tier. */
  files: readonly string[];
  /** The strategy's parameters, validated by its schema here. */
  params: Record<string, unknown>;
  /** Dollars: risk's and the ledger's capital. */
  capital: number;
  gasPriceGwei: number;
  riskLimits?: Partial<RiskLimits>;
  /** The limits the strategy sizes its deposit under (risk still judges with riskLimits): a loose profile would size it without bound. */
  sizingLimits?: Partial<RiskLimits>;
  onProgress?: (done: number, total: number) => void;
  /** Record a sample per block and the rounds' times for the HTML report (result.timeline). */
  timeline?: boolean;
  logger?: Logger;
}

export interface LpBacktestResult {
  strategy: string;
  files: string[];
  blocks: number;
  swaps: number;
  from: string;
  to: string;
  capital: number;
  gasPriceGwei: number;
  depositUsd: number;
  lp: LpSummary;
  orders: number;
  fills: number;
  vetoes: number;
  vetoReasons: Record<string, number>;
  riskState: string;
  /** The ledger's equity at the end: capital plus the strategy's realised P&L. */
  equityEnd: number;
  pnlUsd: number;
  baselines: LpBaselines;
  /** How often the advisor picked each tier, over the recorded blocks. */
  advisorPicks: Record<string, number>;
  wallSeconds: number;
  /** With options.timeline only: every block's sample, for the report (never in --json). */
  timeline?: LpTimeline;
}

/**
 * `amm-lp` on the recorded day, on the live code path: the strategy's machine, risk, the ledger and execution as in a
 * paper session, with the day's pools replayed by exact V3 maths (actors/venues/amm/replay-amm.ts) on a clock set to
 * each recorded block. Gas is charged at `gasPriceGwei` (not recorded). At the day's end the strategy is told to
 * withdraw, so the P&L is realised; it is shown beside holding the first deposit and a passive position that never
 * moves (lp-baselines.ts).
 */
export async function runLpBacktest(options: LpBacktestOptions): Promise<LpBacktestResult> {
  const started = performance.now();
  const declaration = declarationOf('amm-lp', 'backtest');
  const params = declaration.params.parse(options.params);
  const { market, venue } = replayAmm(options.files, { gasPriceGwei: options.gasPriceGwei, id: REPLAY_LP_VENUE });
  const clock = new SimulatedClock(0);
  const limits = { ...DEFAULT_RISK_LIMITS, ...options.riskLimits };
  const tally = new LpTally(venue);
  const effects = lpEffects(venue, { strategy: declaration.name, tally });
  const sizing = { ...DEFAULT_RISK_LIMITS, ...options.sizingLimits };
  const spec = declaration.actor({ name: declaration.name, capital: options.capital, limits: sizing, venue: venue.id, symbol: '', fees: {}, effects }, params);
  const supervision = supervisionFrom(defaultConfig());
  const trading = bootTradingSystem({
    clock,
    dispatcher: 'replay',
    logger: options.logger ?? pino({ level: 'silent' }),
    venues: {},
    risk: { ...riskActor({ capital: options.capital, limits, startTs: 0 }), persist: false },
    ledger: { ...ledgerActor({ capital: options.capital, markEveryMs: 3_600_000 }), persist: false },
    execution: { ...executionActor({ venues: {}, input: { venues: {}, maxLiquidityFraction: 1 } }), persist: false },
    venueActors: [],
    strategies: [{ ...spec, persist: false }],
    supervision: { ...supervision, backoff: { ...supervision.backoff, jitter: 0 } },
  });
  const { system } = trading;
  const counters = sessionCounters(system);
  const baselines = lpBaselines(venue);
  system.observe((m) => {
    if (m.type === 'amm.lp.opened') baselines.opened(m.position);
  });
  const observer = new AmmObserver({ venue: venue.id, fees: venue.fees, gasPriceGwei: options.gasPriceGwei });
  const timeline = options.timeline ? lpTimeline({ system, venue, tally, baselines, now: () => clock.now() }) : undefined;
  const feed = new AmmFeed({ market, venue, observer, tally, system, clock });
  const advisorPicks: Record<string, number> = {};
  system.observe((m) => {
    if (m.type === 'amm.observed' && m.advisorFee !== undefined) advisorPicks[m.advisorFee] = (advisorPicks[m.advisorFee] ?? 0) + 1;
  });
  let blocks = 0;
  let swaps = 0;
  let first: number | undefined;
  let last = 0;
  for (let step = await feed.step(); step; step = await feed.step()) {
    blocks++;
    swaps += step.swaps.length;
    first ??= step.ts;
    last = step.ts;
    await timeline?.sample(step.ts);
    const { done, total } = market.progress();
    options.onProgress?.(done, total);
  }
  system.publish({ type: 'amm.withdraw', reason: 'end of the recorded day' });
  await system.whenQuiescent();
  const base = await baselines.close();
  const counts = counters.read();
  const equityEnd = ledgerEquity(system, options.capital);
  const riskState = riskStateOf(trading);
  await system.shutdown();
  const pnlUsd = equityEnd - options.capital;
  return {
    strategy: declaration.name,
    files: [...options.files],
    blocks,
    swaps,
    from: new Date(first ?? 0).toISOString(),
    to: new Date(last).toISOString(),
    capital: options.capital,
    gasPriceGwei: options.gasPriceGwei,
    depositUsd: (spec.input as AmmLpInput).depositUsd,
    lp: tally.summary(),
    orders: counts.orders,
    fills: counts.fills,
    vetoes: counts.vetoes,
    vetoReasons: counts.vetoReasons,
    riskState,
    equityEnd,
    pnlUsd,
    baselines: base,
    advisorPicks,
    wallSeconds: (performance.now() - started) / 1000,
    ...(timeline ? { timeline: timeline.finish({ ts: last, strategyUsd: pnlUsd, passiveUsd: base.passive?.pnlUsd ?? 0, holdUsd: base.hold?.pnlUsd ?? 0 }) } : {}),
  };
}
