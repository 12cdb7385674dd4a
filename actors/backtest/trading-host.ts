import { pino, type Logger } from 'pino';
import { bootTradingSystem, type TradingSystem } from '../../supervisors/boot.js';
import { supervisionFrom } from '../../supervisors/from-config.js';
import { defaultConfig } from '../../config/index.js';
import { riskActor } from '../risk/risk-actor.js';
import { ledgerActor } from '../ledger/ledger-actor.js';
import { executionActor } from '../execution/execution-actor.js';
import type { Outgoing } from '../runtime/actor-spec.js';
import type { Clock } from '../runtime/clock.js';
import type { Message, MessageType } from '../runtime/messages.js';
import type { RiskLimits } from '../risk/limits.js';
import type { Candle } from '../market-data/types.js';
import type { ReplayVenue } from '../venues/replay/replay-venue.js';
import { replayVenueActor } from '../venues/replay/replay-venue-actor.js';
import type { HostedStrategy } from './direct-host.js';

// Candles reach a strategy by name, for the symbol it trades (see closeBar); the rest by type.
const STRATEGY_EVENTS: readonly MessageType[] = ['fill.received', 'order.updated', 'order.denied', 'risk.changed'];
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
  private readonly bySymbol = new Map<string, string[]>();
  private readonly venueActor: string;

  constructor(private readonly opts: TradingHostOptions) {
    const { venue, clock } = opts;
    const venueSpec = replayVenueActor(venue, opts.timeframeMs);
    this.venueActor = venueSpec.name;
    const strategies = opts.strategies.map((s) => {
      const name = `strategy:${s.name}`;
      this.bySymbol.set(s.symbol, [...(this.bySymbol.get(s.symbol) ?? []), name]);
      return { name, machine: s.machine, input: s.input, subscribe: STRATEGY_EVENTS, persist: false };
    });
    this.trading = bootTradingSystem({
      clock,
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
      supervision: SUPERVISION,
    });
    this.trading.system.observe(opts.onMessage);
  }

  /** The venue matches resting orders against the bar before anyone sees it. */
  openBar(symbol: string, candle: Candle): void {
    this.trading.system.publish({ type: 'replay.bar', venue: this.opts.venue.id, symbol, candle, to: this.venueActor });
  }

  /** `candle.closed` to risk and the ledger (subscribers) and to the strategies trading the symbol. */
  closeBar(symbol: string, candle: Candle): void {
    const message: Outgoing = { type: 'candle.closed', venue: this.opts.venue.id, symbol, candle };
    const targets = this.bySymbol.get(symbol);
    if (!targets) this.trading.system.publish(message);
    // Subscribers see a duplicate when several strategies share a symbol: same price and time, no effect.
    else for (const to of targets) this.trading.system.publish({ ...message, to });
  }

  whenQuiescent(): Promise<void> {
    return this.trading.system.whenQuiescent();
  }

  async stop(): Promise<void> {
    await this.trading.system.shutdown();
  }
}
