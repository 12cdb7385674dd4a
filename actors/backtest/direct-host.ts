import { createActor, type Actor, type AnyStateMachine } from 'xstate';
import type { Outgoing } from '../runtime/actor-spec.js';
import type { Clock } from '../runtime/clock.js';
import { IdSource, type Message } from '../runtime/messages.js';
import type { OrderIntent } from '../risk/intent.js';
import type { EffectHandler } from '../runtime/actor-spec.js';

export interface HostedStrategy {
  name: string;
  symbol: string;
  machine: AnyStateMachine;
  input: unknown;
  /** I/O its machine asks for (a multi-market strategy's solver): only the trading host runs them. */
  effects?: Record<string, EffectHandler>;
}

/** Submits an order the host decided may go to the venue, for `amount` (risk may have cut it). */
export type Submit = (intent: OrderIntent, amount: number) => void;

/** Delivers messages to strategies (and whatever else the host runs) and reports when nothing is left in flight. */
export interface StrategyHost {
  deliver(message: Outgoing): void;
  /** Undefined when delivery is synchronous and everything has already settled. */
  whenQuiescent(): Promise<void> | undefined;
  /** Messages handed to machines so far. */
  delivered(): number;
  stop(): Promise<void>;
}

/**
 * Runs strategy machines in-process with XState's createActor; every intent goes straight to `submit`,
 * with no risk or execution actors. Kept for debugging and as the reference the actor path must match.
 */
export class DirectHost implements StrategyHost {
  private readonly actors: Array<{ name: string; symbol: string; actor: Actor<AnyStateMachine> }> = [];
  private readonly ids = new IdSource('d');
  private sent = 0;

  constructor(strategies: readonly HostedStrategy[], submit: Submit, private readonly clock: Clock) {
    for (const s of strategies) {
      const actor = createActor(s.machine, { input: s.input, id: s.name });
      actor.on('order.intents', (ev: { intents: readonly OrderIntent[] }) => {
        for (const intent of ev.intents) submit(intent, intent.amount);
      });
      actor.start();
      this.actors.push({ name: s.name, symbol: s.symbol, actor });
    }
  }

  deliver(outgoing: Outgoing): void {
    const id = this.ids.next();
    const message = Object.assign({}, outgoing, { id, ts: this.clock.now(), correlationId: outgoing.correlationId ?? id }) as Message;
    const owner = ownerOf(message);
    const symbol = message.type === 'candle.closed' ? message.symbol : undefined;
    for (const a of this.actors) {
      if ((owner === undefined || owner === a.name) && (symbol === undefined || symbol === a.symbol)) {
        this.sent += 1;
        a.actor.send(message);
      }
    }
  }

  whenQuiescent(): undefined {
    return undefined;
  }

  delivered(): number {
    return this.sent;
  }

  async stop(): Promise<void> {
    for (const { actor } of this.actors) actor.stop();
  }
}

/** The strategy a message belongs to, or undefined for broadcast market data. */
export function ownerOf(message: Message): string | undefined {
  switch (message.type) {
    case 'orders.updated':
      return message.updates[0]?.strategy ?? message.fills[0]?.strategy;
    case 'orders.denied':
      return message.denials[0]?.intent.strategy;
    default:
      return undefined;
  }
}
