import { pino, type Logger } from 'pino';
import { bootTradingSystem, type TradingSystem } from '../../supervisors/boot.js';
import { supervisionFrom } from '../../supervisors/from-config.js';
import { defaultConfig } from '../../config/index.js';
import { riskActor } from '../risk/risk-actor.js';
import { ledgerActor } from '../ledger/ledger-actor.js';
import { executionActor } from '../execution/execution-actor.js';
import type { Clock } from '../runtime/clock.js';
import type { Message, MessageType } from '../runtime/messages.js';
import type { RiskLimits } from '../risk/limits.js';
import type { SymbolBar } from '../market-data/types.js';
import type { ReplayVenue } from '../venues/replay/replay-venue.js';
import { replayVenueActor } from '../venues/replay/replay-venue-actor.js';
import type { HostedStrategy } from './direct-host.js';
import { patternActor } from '../patterns/pattern-actor.js';
import { patternEvents } from './pattern-events.js';

// Execution and risk address fills, order updates and denials to `strategy:<name>`; only risk's state is broadcast.
// A strategy that understands a whole step's bars (`candles.closed`) subscribes to them; the others get their
// own symbol's `candle.closed` by name (see closeBars).
const STRATEGY_EVENTS: readonly MessageType[] = ['risk.changed'];
// The config's supervision defaults, without jitter so a crash-and-restart replays identically.
const SUPERVISION = (() => {
  const s = supervisionFrom(defaultConfig());
  return { ...s, backoff: { ...s.backoff, jitter: 0 } };
})();

export interface TradingHostOptions {
  clock: Clock;
  venue: ReplayVenue;
  timeframeMs: number;
  strategies: readonly HostedStrategy[];
  /** Symbols to run a pattern actor on. */
  patternSymbols?: readonly string[];
  capital: number;
  riskLimits: Partial<RiskLimits>;
  logger?: Logger;
  /** Every routed message, in order (the driver keeps the ledger and the journal from these). */
  onMessage: (message: Message) => void;
}

/**
 * The live code path for replays: the same tree `startPaperSession` boots (risk, ledger, execution under
 * `core`; the venue actor; strategy actors), with a ReplayVenue in place of the paper venue.
 */
export class TradingHost {
  readonly trading: TradingSystem;
  /** Strategies that take one bar at a time, by the symbol they trade. */
  private readonly bySymbol = new Map<string, string[]>();
  private readonly venueActor: string;

  constructor(private readonly opts: TradingHostOptions) {
    const { venue, clock } = opts;
    const venueSpec = replayVenueActor(venue, opts.timeframeMs);
    this.venueActor = venueSpec.name;
    const strategies = opts.strategies.map((s) => {
      const name = `strategy:${s.name}`;
      const takesSteps = s.machine.events.includes('candles.closed');
      if (!takesSteps) this.bySymbol.set(s.symbol, [...(this.bySymbol.get(s.symbol) ?? []), name]);
      const subscribe: MessageType[] = [...STRATEGY_EVENTS, ...(takesSteps ? ['candles.closed' as const] : []), ...patternEvents(s.machine)];
      return { name, machine: s.machine, input: s.input, subscribe, persist: false, ...(s.effects ? { effects: s.effects } : {}) };
    });
    this.trading = bootTradingSystem({
      clock,
      dispatcher: 'replay',
      logger: opts.logger ?? pino({ level: 'silent' }),
      venues: { [venue.id]: venue },
      risk: { ...riskActor({ capital: opts.capital, limits: opts.riskLimits, startTs: clock.now() }), persist: false },
      ledger: { ...ledgerActor({ capital: opts.capital, markEveryMs: 24 * 3_600_000 }), persist: false },
      execution: {
        ...executionActor({ venues: { [venue.id]: venue }, input: { venues: { [venue.id]: { taker: venue.fees.taker, onNotFound: 'resubmit' } }, maxLiquidityFraction: 1 } }),
        persist: false,
      },
      venueActors: [venueSpec],
      strategies,
      signals: (opts.patternSymbols ?? []).map((symbol) => patternActor({ symbol, venue: venue.id }, 'candles.closed')),
      supervision: SUPERVISION,
    });
    this.trading.system.observe(opts.onMessage);
  }

  /**
   * The venue matches resting orders against the step's bars before anyone sees them. With nothing resting there
   * is nothing to match: the venue only notes the bars, with no message and no effect turn (most steps).
   */
  openBars(bars: readonly SymbolBar[]): void {
    const { venue, timeframeMs } = this.opts;
    if (!venue.hasResting()) {
      for (const { symbol, candle } of bars) venue.openBar(symbol, candle, timeframeMs);
      return;
    }
    this.trading.system.publish({ type: 'replay.bars', venue: venue.id, bars, to: this.venueActor });
  }

  /**
   * One `candles.closed` for the step to risk, the ledger and the strategies that take steps; `candle.closed`
   * by name to each strategy that takes single bars (risk and the ledger see those again: same price and time,
   * no effect).
   */
  closeBars(bars: readonly SymbolBar[]): void {
    const venue = this.opts.venue.id;
    this.trading.system.publish({ type: 'candles.closed', venue, bars });
    for (const { symbol, candle } of bars) {
      for (const to of this.bySymbol.get(symbol) ?? []) this.trading.system.publish({ type: 'candle.closed', venue, symbol, candle, to });
    }
  }

  whenQuiescent(): Promise<void> {
    return this.trading.system.whenQuiescent();
  }

  async stop(): Promise<void> {
    await this.trading.system.shutdown();
  }
}
