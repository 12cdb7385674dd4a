import type { Logger } from 'pino';
import { ActorSystem } from '../runtime/system.js';
import type { Outgoing } from '../runtime/actor-spec.js';
import type { Clock } from '../runtime/clock.js';
import type { Message, MessageType } from '../runtime/messages.js';
import type { Approval } from '../risk/approval.js';
import type { RiskLimits } from '../risk/limits.js';
import { riskMachine, type RiskInput } from '../../machines/risk.machine.js';
import { replayGatewayMachine } from '../venues/replay/replay-gateway.js';
import type { HostedStrategy, StrategyHost, Submit } from './direct-host.js';
import { patternActor } from '../patterns/pattern-actor.js';
import { patternEvents } from './pattern-events.js';

// Candles reach a strategy by name, for the symbol it trades (see deliver); risk addresses its denials to
// `strategy:<name>`.
const STRATEGY_EVENTS: readonly MessageType[] = ['orders.updated'];
const RISK_EVENTS: readonly MessageType[] = ['order.intents', 'orders.updated', 'candle.closed', 'market.toxicity'];
const JOURNALED = new Set<string>(['order.intents', 'orders.approved', 'orders.denied', 'orders.updated', 'risk.changed', 'orders.cancelAll']);

export interface ActorHostOptions {
  clock: Clock;
  strategies: readonly HostedStrategy[];
  /** Symbols to run a pattern actor on, and the venue its toxicity names. */
  patternSymbols?: readonly string[];
  venue?: string;
  submit: Submit;
  capital: number;
  riskLimits: Partial<RiskLimits>;
  logger?: Logger;
  /** Each routed trade message (intents, approvals, denials, order reports), in order. */
  onJournal?: (message: Message) => void;
}

/**
 * The live code path for replays: strategies, the risk actor and a gateway to the replay venue as actors on the
 * ActorSystem, messages routed by type, intents judged by risk, only minted approvals reaching the venue.
 * Strategy actors are named `strategy:<name>` (risk addresses denials there).
 */
export class ActorHost implements StrategyHost {
  readonly system: ActorSystem;
  /** Actor names of the strategies trading each symbol. */
  private readonly bySymbol = new Map<string, string[]>();

  constructor(opts: ActorHostOptions) {
    this.system = new ActorSystem({ clock: opts.clock, dispatcher: 'replay', logger: opts.logger });
    const persist = false;
    if (opts.onJournal) {
      const onJournal = opts.onJournal;
      this.system.observe((m) => {
        if (JOURNALED.has(m.type)) onJournal(m);
      });
    }
    const riskInput: RiskInput = { capital: opts.capital, limits: opts.riskLimits, startTs: opts.clock.now() };
    this.system.spawn({ name: 'risk', machine: riskMachine, input: riskInput, subscribe: RISK_EVENTS, persist });
    this.system.spawn({
      name: 'execution:replay',
      machine: replayGatewayMachine,
      subscribe: ['orders.approved'],
      persist,
      effects: {
        'venue.submit': (ev) => {
          const approval = ev.approval as Approval;
          opts.submit(approval.intent, approval.amount);
        },
      },
    });
    for (const symbol of opts.patternSymbols ?? []) this.system.spawn(patternActor({ symbol, venue: opts.venue ?? 'replay' }));
    for (const s of opts.strategies) {
      const actor = this.system.spawn({ name: `strategy:${s.name}`, machine: s.machine, input: s.input, subscribe: [...STRATEGY_EVENTS, ...patternEvents(s.machine)], persist }).name;
      this.bySymbol.set(s.symbol, [...(this.bySymbol.get(s.symbol) ?? []), actor]);
    }
  }

  /**
   * Market data goes to the strategies trading that symbol (by name) and to every subscriber (risk),
   * as a per-symbol market-data topic would; other messages are routed by type.
   */
  deliver(message: Outgoing): void {
    if (message.type !== 'candle.closed') {
      this.system.publish(message);
      return;
    }
    const targets = this.bySymbol.get(message.symbol);
    if (!targets) {
      this.system.publish(message);
      return;
    }
    // Risk sees a duplicate mark when several strategies share a symbol: same price and time, no effect.
    for (const to of targets) this.system.publish(Object.assign({}, message, { to }));
  }

  whenQuiescent(): Promise<void> {
    return this.system.whenQuiescent();
  }

  delivered(): number {
    return this.system.delivered;
  }

  async stop(): Promise<void> {
    await this.system.shutdown();
  }
}
