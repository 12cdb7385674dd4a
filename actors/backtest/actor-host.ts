import type { Logger } from 'pino';
import { ActorSystem } from '../runtime/system.js';
import type { ActorSpec, Outgoing } from '../runtime/actor-spec.js';
import type { Clock } from '../runtime/clock.js';
import type { Message, MessageType } from '../runtime/messages.js';
import type { Approval } from '../risk/approval.js';
import type { RiskLimits } from '../risk/limits.js';
import { riskMachine, type RiskInput } from '../../machines/risk.machine.js';
import { replayGatewayMachine } from '../venues/replay/replay-gateway.js';
import type { HostedStrategy, StrategyHost, Submit } from './direct-host.js';

// order.denied by type as well as by name: risk addresses `strategy:<name>`, which nact 7.6.2 cannot spawn (see spawnNamed).
const STRATEGY_EVENTS: readonly MessageType[] = ['candle.closed', 'fill.received', 'order.updated', 'order.denied'];
const RISK_EVENTS: readonly MessageType[] = ['order.intent', 'fill.received', 'candle.closed', 'order.updated'];
const JOURNALED = new Set<string>(['order.intent', 'order.approved', 'order.denied', 'fill.received', 'order.updated', 'risk.changed', 'orders.cancelAll']);

export interface ActorHostOptions {
  clock: Clock;
  strategies: readonly HostedStrategy[];
  submit: Submit;
  capital: number;
  riskLimits: Partial<RiskLimits>;
  logger?: Logger;
  /** Persist machine snapshots after every message, as live does (slower). */
  persist?: boolean;
  /** Each routed trade message (intent, approval, denial, fill, order update), in order. */
  onJournal?: (message: Message) => void;
}

/**
 * The live code path for replays: strategies, the risk actor and a gateway to the replay venue as actors on the
 * ActorSystem, messages routed by type, intents judged by risk, only minted approvals reaching the venue.
 * Strategy actors are named `strategy:<name>` (risk addresses denials there).
 */
export class ActorHost implements StrategyHost {
  readonly system: ActorSystem;

  constructor(opts: ActorHostOptions) {
    this.system = new ActorSystem({ clock: opts.clock, logger: opts.logger });
    const persist = opts.persist ?? false;
    if (opts.onJournal) {
      const onJournal = opts.onJournal;
      this.system.observe((m) => {
        if (JOURNALED.has(m.type)) onJournal(m);
      });
    }
    const riskInput: RiskInput = { capital: opts.capital, limits: opts.riskLimits, startTs: opts.clock.now() };
    this.system.spawn({ name: 'risk', machine: riskMachine, input: riskInput, subscribe: RISK_EVENTS, persist });
    this.spawnNamed({
      name: 'execution:replay',
      machine: replayGatewayMachine,
      subscribe: ['order.approved'],
      persist,
      effects: {
        'venue.submit': (ev) => {
          const approval = ev.approval as Approval;
          opts.submit(approval.intent, approval.amount);
        },
      },
    });
    for (const s of opts.strategies) {
      this.spawnNamed({ name: `strategy:${s.name}`, machine: s.machine, input: s.input, subscribe: STRATEGY_EVENTS, persist });
    }
  }

  /**
   * nact 7.6.2 rejects ':' in actor names, so `strategy:x` fails to spawn until the runtime encodes names;
   * then the actor is spawned as `strategy.x` and still gets its denials by subscription.
   */
  private spawnNamed(spec: ActorSpec): void {
    try {
      this.system.spawn(spec);
    } catch (err) {
      if (!/Invalid argument: path/.test(String(err))) throw err;
      this.system.spawn({ ...spec, name: spec.name.replace(/:/g, '.') });
    }
  }

  deliver(message: Outgoing): void {
    this.system.publish(message);
  }

  whenQuiescent(): Promise<void> {
    return this.system.whenQuiescent();
  }

  async stop(): Promise<void> {
    await this.system.shutdown();
  }
}
